import { sql } from 'kysely';
import { openDatabase } from '/work/main/src/db/database.ts';
import { migrate } from '/work/main/src/db/migrate.ts';
const database = await openDatabase({ databaseUrl: process.argv[2] });
console.log(await migrate(database));
const db = database.db;
await database.transaction(async (tx) => {
  await sql`INSERT INTO access_log (operation, record_type, record_ids, purpose, roles) VALUES ('consultation','nominal', ARRAY[gen_random_uuid(), gen_random_uuid()], 'x€"|\n', '{a,b}')`.execute(tx);
  await sql`INSERT INTO access_log (operation, record_type) VALUES ('collection','nominal')`.execute(tx);
});
console.log((await sql`SELECT id, at, encode(hash,'hex') h, encode(prev_hash,'hex') p, tableoid::regclass::text part FROM access_log ORDER BY id`.execute(db)).rows);
console.log((await sql`SELECT *, tableoid::regclass::text part FROM access_log_records`.execute(db)).rows);
console.log((await sql`SELECT seq, encode(hash,'hex') FROM access_log_head`.execute(db)).rows);
console.log((await sql`SELECT count(*) FROM pg_inherits WHERE inhparent = 'access_log'::regclass`.execute(db)).rows);
for (const q of ["UPDATE access_log SET purpose = 'y'", "DELETE FROM access_log", "TRUNCATE access_log", "UPDATE access_log_head SET seq = 5", "DELETE FROM access_log_records", "TRUNCATE access_log_records_y2026m11", "UPDATE access_log_y2026m11 SET purpose='z'"]) {
  try { await sql.raw(q).execute(db); console.log('NOT REFUSED', q); } catch (e) { console.log('refused:', q, (e as Error).message); }
}
console.log((await sql`SELECT access_log_ensure_partitions(14) n`.execute(db)).rows);
await database.close();
