// api.js: the page's only contact with the outside, the service's own origin: JSON reads
// (docs/API.md) and the live stream (/api/events, Server-Sent Events).
//
//   const night = await getJson('/api/night');
//   const stream = follow({onDelta, onRefresh, onStatus});

export async function getJson(path) {
  // The browser revalidates with the ETag itself (the API sends Cache-Control: no-cache).
  const response = await fetch(path, {headers: {Accept: 'application/json'}});
  if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
  return response.json();
}

// "?london=true&baseline=last-fought", leaving out empty values.
export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== '' && value !== false && value != null) q.set(key, value);
  const text = q.toString();
  return text ? `?${text}` : '';
}

// Follows the live stream. EventSource reconnects by itself and sends Last-Event-ID, so the
// service resumes with what was missed; when the service answers an error instead of a stream
// (it was restarting), EventSource gives up, so we open it again after a pause, resuming with
// ?since= the last event seen. `reset` (too far behind) and `hello` (a new stream) mean the
// views must be fetched again.
export function follow({onDelta, onRefresh, onStatus}) {
  let source = null;
  let lastSeq = null;
  let retry = null;
  const open = () => {
    retry = null;
    source = new EventSource(`/api/events${lastSeq === null ? '' : `?since=${lastSeq}`}`);
    source.addEventListener('open', () => onStatus('live'));
    source.addEventListener('hello', (e) => {
      lastSeq = JSON.parse(e.data).seq;
      onRefresh();
    });
    source.addEventListener('reset', (e) => {
      lastSeq = JSON.parse(e.data).seq;
      onRefresh();
    });
    source.addEventListener('delta', (e) => {
      const delta = JSON.parse(e.data);
      lastSeq = delta.seq;
      onDelta(delta);
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        onStatus('reconnecting');
        if (!retry) retry = setTimeout(open, 3000);
      } else {
        onStatus('reconnecting');
      }
    });
  };
  open();
  return {close: () => { clearTimeout(retry); source?.close(); }};
}
