// One distinct colour per category of the open catalog (the names sorted, then the palette in order), the same in
// the counts, the tables and the product map; hashing names alone gave several categories the same red.
import { api, colour } from '/console/js/app.js';

let order = new Map();

/** Learns the catalog's category names (from the file and the predictions). */
export async function learnCategories(catalog) {
  const names = new Set();
  await Promise.all(['true', 'predicted'].map(source => api('/api/v1/products/categories/counts?catalog_id='
    + `${encodeURIComponent(catalog.id)}&source=${source}`)
    .then(r => (r.counts || []).forEach(c => { if (c.category !== null && c.category !== undefined) names.add(String(c.category)); }))
    .catch(() => { /* colours fall back to the name's hash */ })));
  order = new Map([...names].sort().map((name, i) => [name, i]));
}

export function categoryColour(name) {
  return order.has(name) ? colour(order.get(name)) : colour(String(name));
}
