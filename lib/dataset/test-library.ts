import type { Article } from './schema';

/** Library articles for the tests of incremental builds and stores (cache.test.ts, store/update.test.ts). */

function article(id: string, title: string, body: string, date?: string): Article {
  return { id, title, body, tags: [], source: `${id}.txt`, position: 0, library: true, ...(date ? { date } : {}) };
}

// Made-up organisations. The added article defines "QRX", which an earlier article uses: that
// article's knowledge changes although its text does not.
export const libraryA = [
  article('lib-a1', 'Warehouses', 'Warehouse owners are buying machines from Quorvane and Telvio Systems. Alibaba Group said on Monday that its cloud business grew.'),
  article('lib-a2', 'Robots', 'Quorvane sold 300 robots to a grocer last year, and Telvio Systems sold 120. Analysts said QRX would gain.', '2025-03-02'),
  article('lib-a3', 'Cloud', 'Tencent agreed to pay $75m for a stake in Brindle Analytics, a games data company.'),
];
export const added = article('lib-b1', 'Quorvane raises money', 'The Quorvane Robotics Exchange (QRX) said on Tuesday that Quorvane, the warehouse robot maker, had raised $40m from investors. Shares in Quorvane rose 4% after the company reported higher sales. Maria Lopez, Quorvane\'s chief executive, said demand was strong.', '2025-06-03');

