import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate`; migrations go through scripts/ (schema engine compiled to wasm).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
