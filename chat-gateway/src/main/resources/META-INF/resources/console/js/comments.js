import { page } from '/console/js/app.js';
page(async () => {});
