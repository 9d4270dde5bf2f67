/** The Spanish catalogue: `import { es } from 'handoff-panel/locales/es'`. */
export { es } from '../ui/messages/es.js';
