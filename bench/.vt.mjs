const mod = await import(process.argv[2]);
const validate = mod.default ?? mod.validate;
const doc = { services: { db: { image: 'mariadb:10', command: '--x', restart: 'always', healthcheck: { test: ['CMD', 'x'], interval: '3s' }, secrets: ['db-password'], volumes: ['db-data:/var/lib/mysql'], networks: ['backnet'], environment: { A: '1' }, expose: [3306, 33060] }, backend: { build: { context: 'backend', target: 'x' }, ports: ['8000:8000'], depends_on: { db: { condition: 'service_healthy' } }, networks: ['backnet', 'frontnet'] } }, volumes: { 'db-data': {} }, secrets: { 'db-password': { file: 'x' } }, networks: { backnet: {}, frontnet: {} } };
const t = performance.now();
validate(doc);
const t1 = performance.now();
process.stdout.write(`${(t1 - t).toFixed(2)} `);
