/** The demo data generator: a seeded, realistic EV service center (see generate-service-center.ts). */
export { generateServiceCenter, type ServiceCenter, type ServiceCenterOptions } from './generate-service-center.js';
export { writeDemoFiles, type DemoFileCounts } from './write-demo-files.js';
export type { CustomerBundle } from './generate-customer.js';
export { PERSONA_MIX, type Persona } from './personas.js';
export { DEMO_TIME_ZONE } from './calendar.js';
