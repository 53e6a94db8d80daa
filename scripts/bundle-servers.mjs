// Compile the two server entry points (server.ts for npm start, proxy/main.ts
// for npm run proxy) to plain JavaScript under dist/. Running them through tsx
// instead costs ~45 MB of resident memory per process (its loader thread and
// transform cache) and slower starts. npm packages stay external: only the
// project's own TypeScript is bundled. Takes well under a second.
import { build } from "esbuild";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

export async function bundleServers() {
  await build({
    absWorkingDir: root,
    entryPoints: { server: "server.ts", proxy: "proxy/main.ts" },
    outdir: "dist",
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    logLevel: "warning",
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.join(root, "scripts", "bundle-servers.mjs")) await bundleServers();
