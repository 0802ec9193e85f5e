// parties.js: party names and colours, from the service's registry (GET /api/parties/registry,
// which serves data/parties.csv), so the page holds no party data of its own. Keys are the
// API's: a party id ("PP53"), a totals group ("IND", "RES") or a control key ("IND:Jane Smith",
// one independent).
//
//   const parties = await Parties.load(getJson);
//   parties.name('PP53')        // "Labour"
//   parties.colour('IND:Jane')  // the independents' colour

const UNKNOWN_COLOUR = '#9e9e9e';
// Not a party: the state of a council no party controls.
export const NOC = 'NOC';

export class Parties {
  constructor(registry) {
    this.byId = new Map(registry.parties.map((p) => [p.id, p]));
    this.independent = registry.independent || 'IND';
  }

  static async load(getJson) {
    return new Parties(await getJson('/api/parties/registry'));
  }

  find(key) {
    if (this.byId.has(key)) return this.byId.get(key);
    const prefix = `${this.independent}:`;
    if (key.startsWith(prefix)) {
      const ind = this.byId.get(this.independent) || {name: 'Independent', short_name: 'Ind', colour: UNKNOWN_COLOUR};
      const who = key.slice(prefix.length);
      return {id: key, name: `${ind.name} (${who})`, short_name: ind.short_name, colour: ind.colour};
    }
    if (key === NOC) return {id: NOC, name: 'No overall control', short_name: 'NOC', colour: '#4d4d4d'};
    return {id: key, name: key, short_name: key, colour: UNKNOWN_COLOUR};
  }

  name(key) { return this.find(key).name; }
  shortName(key) { return this.find(key).short_name || this.find(key).name; }
  colour(key) { return this.find(key).colour || UNKNOWN_COLOUR; }

  // Black or white, whichever reads better on the party's colour (WCAG relative luminance).
  ink(key) {
    const hex = this.colour(key).replace('#', '');
    if (!/^[0-9a-f]{6}$/i.test(hex)) return '#000';
    const channel = (i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const l = 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
    return l > 0.179 ? '#000' : '#fff';
  }
}
