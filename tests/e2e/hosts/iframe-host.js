// A host page driving Routewijzer in an iframe through postMessage (docs/embedding.md).
// The app's address comes from the query (?app=http://…/); everything received is kept
// in window.received for the test to read.
const app = new URL(new URLSearchParams(location.search).get('app'));
const frame = document.getElementById('frame');
window.received = [];
window.addEventListener('message', (event) => {
  if (event.origin !== app.origin) return;
  window.received.push(event.data);
  if (event.data?.type === 'routewijzer:resize') frame.height = String(event.data.height);
});
window.send = (message) => frame.contentWindow.postMessage(message, app.origin);
frame.src = app.href;
