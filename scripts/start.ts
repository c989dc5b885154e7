/**
 * `npm start`: opens Chromium with the built extension on a local demo site that shows the seed
 * articles as ordinary web pages, so a new user sees marks and hover cards at once.
 * `npm start -- --screenshot [DIR]` does the same headless and saves the README's screenshots
 * (card, popup, profile, welcome and options pages, light and dark) into DIR, by default
 * docs/screenshots; machines with no display do this for plain `npm start`.
 */
import { mkdirSync } from 'node:fs';
import { launchExtension } from '../e2e/harness';
import { startServer } from '../e2e/server';
import { demoSiteRoute } from './demo-site';

const SCREENSHOTS = 'docs/screenshots';

/** The directory after --screenshot, the default one when none follows, undefined without the flag. */
function screenshotDir(): string | undefined {
  const at = process.argv.indexOf('--screenshot');
  if (at < 0) return undefined;
  const next = process.argv[at + 1];
  return next && !next.startsWith('--') ? next : SCREENSHOTS;
}

async function main(): Promise<void> {
  // With no display there is no window to open: run headless and save screenshots instead, so
  // `npm start` still shows the extension working on any machine.
  const noDisplay = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
  const screenshot = screenshotDir() ?? (noDisplay ? SCREENSHOTS : undefined);
  if (noDisplay && !screenshotDir()) console.log(`No display found: running headless and saving screenshots into ${screenshot}/.`);
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
    mkdirSync(screenshot, { recursive: true });
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
