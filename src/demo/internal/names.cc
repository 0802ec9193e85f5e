#include "demo/internal/names.h"

namespace psephos::demo_internal {

namespace {

// First parts of English place names (Old English and Norse elements, spelt as today).
const std::vector<std::string_view> kStems = {
    "Ash",    "Alder",  "Bar",    "Beck",   "Birch",  "Black",  "Brad",   "Bram",   "Brock",
    "Bur",    "Cal",    "Chad",   "Clay",   "Cold",   "Crom",   "Dal",    "Dun",    "Ead",
    "Eld",    "Elm",    "Fair",   "Farn",   "Fen",    "Ful",    "Gar",    "Glen",   "Gold",
    "Grim",   "Hal",    "Ham",    "Har",    "Hart",   "Haw",    "Hen",    "Hol",    "Hun",
    "Kel",    "Ken",    "Kirk",   "Lang",   "Lea",    "Lin",    "Lox",    "Mar",    "Mel",
    "Mere",   "Mil",    "Nor",    "Oak",    "Ock",    "Ot",     "Pen",    "Pit",    "Red",
    "Ring",   "Ros",    "Rother", "Rud",    "Sal",    "Sand",   "Sel",    "Shel",   "Stan",
    "Stock",  "Stone",  "Sut",    "Swan",   "Thorn",  "Thur",   "Tor",    "Ud",     "Wal",
    "War",    "Wed",    "Wel",    "Wen",    "Whit",   "Wick",   "Win",    "Wor",    "Wy",
    "Yar",    "Ather",  "Bever",  "Coven",  "Haver",  "Marl",   "Nether", "Quen",   "Staver",
};

// Second parts.
const std::vector<std::string_view> kEndings = {
    "bridge", "bury",  "by",    "caster", "cliffe", "combe", "cote",  "dale",  "den",
    "don",    "field", "ford",  "gate",   "ham",    "hampton", "holme", "hurst", "ing",
    "ington", "ley",   "low",   "mere",   "minster", "more", "ness",  "over",  "port",
    "sey",    "stead", "stow",  "thorpe", "ton",    "wich",  "well",  "wick",  "wold",
    "worth",  "wood",  "ham",   "ley",    "ton",    "field", "by",    "ford",  "bury",
};

// Second words for two-word names ("Kelham Vale").
const std::vector<std::string_view> kQualifiers = {
    "Vale", "Heath", "Forest", "Moor", "Dale", "Valley", "Downs", "Fields", "Marsh", "Hills",
    "Green", "Cross", "Water", "Park", "Edge", "Wolds",
};

const std::vector<std::string_view> kCompass = {"North", "South", "East", "West", "Upper",
                                                "Lower", "Great", "Little", "Central"};

// Ward names that stand on their own.
const std::vector<std::string_view> kWardWords = {
    "Abbey",     "Castle",      "Priory",   "Riverside", "Hillside",  "Market",    "Town",
    "Park",      "Chapel",      "Church",   "Bridge",    "Common",    "Meadows",   "Grange",
    "Manor",     "Mill",        "Old Town", "Harbour",   "Station",   "Cathedral", "Docks",
    "Heath",     "St Mary's",   "St John's", "St Peter's", "St Andrew's", "All Saints",
    "Holy Trinity", "Westfield", "Eastfield", "Northgate", "Southgate", "Broadway", "Highfield",
    "Greenhill", "Woodside",    "Brookside", "Fairfield", "Moorside",  "Oakwood",   "Cliftonvale",
};

const std::vector<std::string_view> kFirstNames = {
    "Aisha",  "Alan",    "Alice",   "Amir",    "Amy",     "Andrew",  "Angela",  "Anil",
    "Barbara", "Ben",    "Bernard", "Beth",    "Bilal",   "Brian",   "Carol",   "Catherine",
    "Chloe",  "Chris",   "Claire",  "Colin",   "Daniel",  "David",   "Deborah", "Deepa",
    "Derek",  "Eileen",  "Eleanor", "Emma",    "Fatima",  "Fiona",   "Gareth",  "Gillian",
    "Graham", "Hannah",  "Harjit",  "Helen",   "Ian",     "Imran",   "Irene",   "Jack",
    "James",  "Jane",    "Janet",   "Jasmine", "Jean",    "John",    "Joseph",  "Joyce",
    "Julie",  "Karen",   "Keith",   "Kevin",   "Kwame",   "Laura",   "Leon",    "Linda",
    "Lucy",   "Margaret", "Mark",   "Martin",  "Mary",    "Michael", "Mohammed", "Nadia",
    "Neil",   "Nicola",  "Nigel",   "Olivia",  "Patrick", "Paul",    "Pauline", "Peter",
    "Philip", "Priya",   "Rachel",  "Rajesh",  "Rebecca", "Richard", "Robert",  "Rose",
    "Ruth",   "Sadiq",   "Samuel",  "Sandra",  "Sarah",   "Shirley", "Simon",   "Sophie",
    "Stephen", "Steve",  "Sunita",  "Susan",   "Terry",   "Thomas",  "Tom",     "Tracey",
    "Trevor", "Valerie", "Victoria", "Wendy",  "William", "Yusuf",   "Zara",    "Graeme",
};

const std::vector<std::string_view> kSurnames = {
    "Abbott",   "Ahmed",    "Akhtar",   "Allen",    "Ashworth", "Bailey",   "Baker",    "Banks",
    "Barker",   "Begum",    "Bennett",  "Bishop",   "Booth",    "Bradley",  "Brennan",  "Briggs",
    "Brooks",   "Burton",   "Butler",   "Carr",     "Chambers", "Chapman",  "Chaudhry", "Clarke",
    "Cole",     "Collins",  "Cooper",   "Cox",      "Crawford", "Dale",     "Davies",   "Dawson",
    "Dixon",    "Doyle",    "Duffy",    "Edwards",  "Ellis",    "Evans",    "Farrell",  "Fletcher",
    "Ford",     "Foster",   "Fox",      "Gibson",   "Gill",     "Goodwin",  "Graham",   "Grant",
    "Gray",     "Hall",     "Hammond",  "Harper",   "Hart",     "Hayes",    "Hewitt",   "Hill",
    "Hollins",  "Holmes",   "Hughes",   "Hussain",  "Iqbal",    "Jackson",  "James",    "Jenkins",
    "Johnson",  "Jones",    "Kaur",     "Kelly",    "Kennedy",  "Khan",     "King",     "Knight",
    "Lamb",     "Lawrence", "Lees",     "Lloyd",    "Lowe",     "Malik",    "Marsh",    "Mason",
    "McCarthy", "Mills",    "Mitchell", "Moore",    "Morgan",   "Morris",   "Murphy",   "Nash",
    "Nelson",   "Norris",   "O'Brien",  "Okafor",   "Owen",     "Palmer",   "Parker",   "Patel",
    "Pearson",  "Perry",    "Phillips", "Porter",   "Price",    "Quinn",    "Rahman",   "Reid",
    "Reynolds", "Richards", "Roberts",  "Robinson", "Rowe",     "Russell",  "Shah",     "Sharma",
    "Shaw",     "Simpson",  "Singh",    "Smith",    "Stevens",  "Stone",    "Sutton",   "Taylor",
    "Thompson", "Turner",   "Walker",   "Walsh",    "Ward",     "Watson",   "Webb",     "Wells",
    "West",     "Wilkinson", "Williams", "Wilson",  "Wood",     "Wright",   "Yates",    "Young",
};

std::string Simple(Rng& rng) {
  std::string name(kStems[rng.Below(kStems.size())]);
  std::string_view ending = kEndings[rng.Below(kEndings.size())];
  // Avoid doubled letters at the join ("Ashham" is fine, "Hallley" is not).
  if (!name.empty() && !ending.empty() && name.back() == ending.front() &&
      name.size() > 1 && name[name.size() - 2] == name.back())
    ending.remove_prefix(1);
  name += ending;
  return name;
}

// The first word of a name ("Kelham Vale" -> "Kelham").
std::string_view FirstWord(std::string_view name) { return name.substr(0, name.find(' ')); }

}  // namespace

std::string CouncilName(Rng& rng) {
  switch (rng.Pick({55, 20, 10, 15})) {
    case 0: return Simple(rng);
    case 1: return Simple(rng) + " " + std::string(kQualifiers[rng.Below(kQualifiers.size())]);
    case 2: return std::string(kCompass[rng.Below(6)]) + " " + Simple(rng);
    default: return Simple(rng) + " and " + Simple(rng);
  }
}

std::string WardName(Rng& rng, std::string_view council_name) {
  switch (rng.Pick({35, 20, 25, 10, 10})) {
    case 0: return Simple(rng);
    case 1: return Simple(rng) + " " + std::string(kCompass[rng.Below(kCompass.size())]);
    case 2: return std::string(kWardWords[rng.Below(kWardWords.size())]);
    case 3: return Simple(rng) + " and " + Simple(rng);
    default:
      return std::string(FirstWord(council_name)) + " " +
             std::string(kCompass[rng.Below(kCompass.size())]);
  }
}

PersonName MakePersonName(Rng& rng) {
  return {std::string(kFirstNames[rng.Below(kFirstNames.size())]),
          std::string(kSurnames[rng.Below(kSurnames.size())])};
}

const std::vector<std::string>& MinorPartyIds() {
  // Liberal, TUSC, BNP, CPA, Women's Equality, Monster Raving Loony, SDP, NHA: all on the
  // ballot somewhere in England in 2018. Reform UK (founded 2019) is left out.
  static const std::vector<std::string> ids = {"PP54",  "PP804", "PP106", "PP79",
                                               "PP2755", "PP66", "PP243", "PP1931"};
  return ids;
}

}  // namespace psephos::demo_internal
