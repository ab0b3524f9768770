// In development the lab always loads fresh files; the published site uses service-worker.published.js (offline).
self.addEventListener('fetch', () => { });
