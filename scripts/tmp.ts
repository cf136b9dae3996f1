import { PGlite } from "@electric-sql/pglite";

let t = performance.now();
const a = await PGlite.create("memory://");
console.log("create mem", Math.round(performance.now() - t), "rss", Math.round(process.memoryUsage().rss / 1e6));
await a.exec("create table x(id int)");
t = performance.now();
const dump = await a.dumpDataDir("none");
console.log("dump", Math.round(performance.now() - t), dump.size);
t = performance.now();
const b = await PGlite.create("memory://", { loadDataDir: dump });
console.log("load", Math.round(performance.now() - t), "rss", Math.round(process.memoryUsage().rss / 1e6));
console.log(await b.query("select count(*) from x"));
t = performance.now();
const c = await PGlite.create("memory://", { loadDataDir: dump });
console.log("load2", Math.round(performance.now() - t), "rss", Math.round(process.memoryUsage().rss / 1e6));
