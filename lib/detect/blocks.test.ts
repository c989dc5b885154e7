// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BlockWalker, pointAt, type TextBlock } from './blocks';

function blocksOf(html: string, hooks = {}): string[] {
  document.body.innerHTML = html;
  const walker = new BlockWalker(document.body, hooks);
  const out: string[] = [];
  for (let b: TextBlock | null; (b = walker.next()); ) out.push(b.text);
  return out;
}

describe('BlockWalker', () => {
  it('hands over a frame or shadow host that is itself the root, and reads nothing inside a skipped root', () => {
    document.body.innerHTML = '<iframe></iframe><div id="host"></div><style>p { color: red }</style>';
    const frames: Element[] = [];
    const roots: ShadowRoot[] = [];
    const hooks = { onFrame: (f: Element) => frames.push(f), onShadowRoot: (r: ShadowRoot) => roots.push(r) };
    const frame = new BlockWalker(document.querySelector('iframe')!, hooks);
    expect([frame.next(), frame.finished]).toEqual([null, true]);
    expect(frames).toEqual([document.querySelector('iframe')]);
    const host = document.getElementById('host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>Inside</p>';
    new BlockWalker(host, hooks);
    expect(roots).toEqual([host.shadowRoot]);
    expect(new BlockWalker(document.querySelector('style')!, hooks).next()).toBeNull();
  });
  it('joins the text of inline elements within one block', () => {
    expect(blocksOf('<p><b>Alibaba</b> Group and <a href="#">Ant <i>Group</i></a>.</p><p>Next</p>')).toEqual([
      'Alibaba Group and Ant Group.',
      'Next',
    ]);
  });
  it('breaks blocks at block elements and line breaks, before and after nested blocks', () => {
    expect(blocksOf('<div>Alibaba<br>Group</div><div>A <div>B</div> C</div><ul><li>x</li><li>y</li></ul>')).toEqual([
      'Alibaba',
      'Group',
      'A ',
      'B',
      ' C',
      'x',
      'y',
    ]);
  });
  it('skips code, form fields, editable regions, hidden elements and its own UI', () => {
    expect(
      blocksOf(
        '<p>one<script>Alibaba</script><style>.Alibaba{}</style></p><textarea>Alibaba</textarea><input value="Alibaba">' +
          '<select><option>Alibaba</option></select><div contenteditable="true">Alibaba <b>x</b></div><div hidden>Alibaba</div>' +
          '<company-lens-card>Alibaba</company-lens-card><div contenteditable="false">two</div><template>Alibaba</template>',
      ),
    ).toEqual(['one', 'two']);
  });
  it('drops blocks of white space only', () => {
    expect(blocksOf('<div>  </div>\n<p> x </p>\n')).toEqual([' x ']);
  });
  it('reports open shadow roots and frames to scan separately', () => {
    document.body.innerHTML = '<div id="host"></div><iframe></iframe><p>after</p>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>inside</p>';
    const seen: string[] = [];
    const walker = new BlockWalker(document.body, {
      onShadowRoot: (r: ShadowRoot) => seen.push(`shadow:${r.textContent}`),
      onFrame: (f: Element) => seen.push(`frame:${f.tagName}`),
    });
    const texts: string[] = [];
    for (let b: TextBlock | null; (b = walker.next()); ) texts.push(b.text);
    expect(texts).toEqual(['after']);
    expect(seen).toEqual(['shadow:inside', 'frame:IFRAME']);
  });
  it('walks from a start node to the end, and from the root up to that node', () => {
    document.body.innerHTML = '<p>a</p><p id="s">b <b>c</b></p><p>d</p>';
    const s = document.getElementById('s')!;
    const read = (w: BlockWalker) => {
      const out: string[] = [];
      for (let b: TextBlock | null; (b = w.next()); ) out.push(b.text);
      return out;
    };
    expect(read(new BlockWalker(document.body, {}, s))).toEqual(['b c', 'd']);
    expect(read(new BlockWalker(document.body, {}, undefined, s))).toEqual(['a']);
  });
});

describe('pointAt', () => {
  document.body.innerHTML = '<p><b>Alibaba</b> Group</p>';
  const block = new BlockWalker(document.body).next()!;
  it('maps block offsets to the text nodes they fall in', () => {
    expect(block.text).toBe('Alibaba Group');
    expect(pointAt(block, 0, false)).toEqual({ node: block.nodes[0], offset: 0 });
    expect(pointAt(block, 7, false)).toEqual({ node: block.nodes[1], offset: 0 });
    expect(pointAt(block, 13, true)).toEqual({ node: block.nodes[1], offset: 6 });
  });
  it('keeps an end offset at a node boundary in the earlier node', () => {
    expect(pointAt(block, 7, true)).toEqual({ node: block.nodes[0], offset: 7 });
  });
});
