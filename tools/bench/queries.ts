export { EVERYDAY_QUERIES } from '../../libs/terminology/src/fixtures/everyday-queries.js';
