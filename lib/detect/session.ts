import type { Settings } from '../settings/values';
import { blockOf, isInline } from './blocks';
import { SLICE_MS, pageClock, yieldToPage } from './clock';
import type { LexiconCore as Lexicon } from './lexicon-core';
import { Marks } from './marks';
import { PageScanner, type PageMention } from './scanner';
import { PageWatcher } from './watch';

/**
 * Detection on one page: the scanner, its marks and the mutation watcher, sharing one resolver.
 * It knows nothing about cards or messaging, so it can be started, restyled and stopped as the
 * user's settings change.
 */

export interface SessionOptions {
  settings: Settings;
  setTimeout?: (fn: () => void, ms: number) => unknown;
  /** Called when the number of distinct companies on the page changes. */
  onCount?(companies: number): void;
}

export interface PageMentionsReport {
  url: string;
  mentions: { companyId: string; name: string; count: number }[];
  /**
   * Characters scanned, time spent scanning, and when scanning started (`performance.now()`
   * of the page, so it can be set against the page's own timings: benchmarks read it).
   */
  scan: { chars: number; ms: number; startedAt: number | null };
}

export class PageSession {
  readonly scanner: PageScanner;
  private readonly marks: Marks;
  private readonly watcher: PageWatcher;
  private readonly abort = new AbortController();
  private muted = new Set<string>();
  private lastCount = -1;
  private startedAt: number | null = null;

  constructor(
    readonly lexicon: Lexicon,
    private readonly options: SessionOptions,
  ) {
    this.marks = new Marks(options.settings.markStyle);
    this.muted = new Set(options.settings.muted.map((m) => m.id));
    this.scanner = new PageScanner(lexicon, lexicon.resolver(false), {
      signal: this.abort.signal,
      onMentions: (fresh) => this.mark(fresh),
      onForgotten: (removed) => {
        for (const m of removed) this.marks.delete(m.range);
        this.reportCount();
      },
      onScope: (scope) => {
        this.marks.adopt(scope);
        this.watcher?.observe(scope);
      },
    });
    this.watcher = new PageWatcher(this.scanner, {
      setTimeout: options.setTimeout,
      onRescanned: () => this.reportCount(),
    });
  }

  /** The id of company `index`, read from the lexicon's joined ids without materialising them all. */
  companyId = (index: number): string => this.lexicon.companyId(index);

  isMuted = (companyIndex: number): boolean => this.muted.size > 0 && this.muted.has(this.companyId(companyIndex));

  private mark(fresh: PageMention[]): void {
    for (const m of fresh) if (!this.isMuted(m.companyIndex)) this.marks.add(m.range);
  }

  /** Scans the document, starting with what is in view when the page is scrolled. */
  async start(doc: Document = document): Promise<void> {
    // Muted companies are known by id: with some muted, nothing is marked before the ids are here.
    if (this.muted.size > 0) await this.lexicon.whenIds();
    this.startedAt ??= performance.now();
    await this.scanner.scanDocument(doc, viewportStart(doc));
    this.marks.scanned();
    this.reportCount();
  }

  applySettings(settings: Settings): void {
    this.marks.setStyle(settings.markStyle);
    const muted = new Set(settings.muted.map((m) => m.id));
    if ([...muted].join() !== [...this.muted].join()) {
      this.muted = muted;
      void this.lexicon.whenIds().then(() => this.markAgain(muted));
    }
  }

  /**
   * Registers every mention again after the muted companies changed, in time slices: a long feed
   * has tens of thousands. Stops when the muted set changes again (a newer call takes over).
   */
  private async markAgain(muted: Set<string>): Promise<void> {
    if (this.muted !== muted) return;
    this.marks.clear();
    const mentions = [...this.scanner.mentions];
    for (let i = 0; i < mentions.length; ) {
      const deadline = pageClock() + SLICE_MS;
      do this.mark([mentions[i++]]);
      while (i < mentions.length && pageClock() < deadline);
      if (i < mentions.length) await yieldToPage();
      if (this.muted !== muted) return;
    }
  }

  private reportCount(): void {
    const count = this.scanner.counts().size;
    if (count === this.lastCount) return;
    this.lastCount = count;
    this.options.onCount?.(count);
  }

  /**
   * The `page.mentions` answer. Names come from `resolveNames` (the background knows them; the
   * lexicon carries only ids), falling back to the text matched on the page.
   */
  async report(resolveNames: (entries: number[]) => Promise<(string | null)[] | null>): Promise<PageMentionsReport> {
    await this.scanner.run();
    const counts = [...this.scanner.counts()];
    const names = await resolveNames(counts.map(([, c]) => c.entry)).catch(() => null);
    const sample = new Map<number, PageMention>();
    for (const m of this.scanner.mentions) if (!sample.has(m.companyIndex)) sample.set(m.companyIndex, m);
    return {
      url: location.href,
      mentions: counts
        .map(([index, c], i) => ({
          companyId: this.companyId(index),
          name: names?.[i] ?? textOf(sample.get(index)),
          count: c.count,
        }))
        .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
      scan: { chars: this.scanner.stats.chars, ms: Math.round(this.scanner.stats.ms * 10) / 10, startedAt: this.startedAt === null ? null : Math.round(this.startedAt * 10) / 10 },
    };
  }

  dispose(): void {
    this.abort.abort();
    this.watcher.disconnect();
    this.marks.dispose();
  }
}

function textOf(m: PageMention | undefined): string {
  if (!m) return '';
  const r = m.range;
  return r.startContainer === r.endContainer ? (r.startContainer.textContent ?? '').slice(r.startOffset, r.endOffset) : '';
}

/** The block at the top of the viewport when the page is scrolled, so it is scanned first. */
function viewportStart(doc: Document): Element | null {
  const win = doc.defaultView;
  if (!win || win.scrollY < 50) return null;
  const el = doc.elementFromPoint(win.innerWidth / 2, Math.min(80, win.innerHeight / 10));
  if (!el) return null;
  const block = isInline(el) ? blockOf(el, doc.body) : el;
  return block.nodeType === 1 && block !== doc.body && block !== doc.documentElement ? (block as Element) : null;
}
