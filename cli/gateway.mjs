#!/usr/bin/env node
// The `gateway` command. Its code is TypeScript run through tsx's loader, so a
// clone works right after `npm install`, with no build step to remember.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));
