// Development entry (npm run dev): the same as `steerboard serve --seed-demo-if-empty`.
process.argv.splice(2, process.argv.length, 'serve', '--seed-demo-if-empty');
await import('./cli/main.js');
export {};
