/**
 * `npm start`: opens Chromium with the built extension on a local demo site that shows the seed
 * articles as ordinary web pages, so a new user sees marks and hover cards at once.
 * `npm start -- --screenshot FILE` does the same headless and saves a screenshot of a hover card
 * (and FILE with "-popup" before the extension, of the popup), for machines with no display.
 */
import { writeFileSync } from 'node:fs';
import { launchExtension } from '../e2e/harness';
import { startServer } from '../e2e/server';
import { demoSiteRoute } from './demo-site';

function argValue(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  // With no display there is no window to open: run headless and save screenshots instead, so
  // `npm start` still shows the extension working on any machine.
  const noDisplay = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const screenshot = argValue('--screenshot') ?? (noDisplay ? 'company-lens-demo.png' : undefined);
  if (noDisplay && !argValue('--screenshot')) console.log(`No display found: running headless and saving screenshots to ${screenshot}.`);
  const site = await startServer(process.cwd(), [demoSiteRoute()]);
  const headless = Boolean(screenshot);
  const ext = await launchExtension({ headless });
  const page = await ext.context.newPage();
  await page.goto(`${site.url}/demo/`);
  console.log(`Demo site: ${site.url}/demo/   (extension id ${ext.id})`);
  if (!screenshot) {
    console.log('Hover a company name to see its card. Close the browser to stop.');
    await new Promise<void>((resolve) => ext.context.on('close', () => resolve()));
    await site.close();
    return;
  }
  try {
    const { captureDemo } = await import('./demo-capture');
    const files = await captureDemo(ext, page, screenshot);
    for (const f of files) console.log(`Saved ${f}`);
  } finally {
    await ext.close();
    await site.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
