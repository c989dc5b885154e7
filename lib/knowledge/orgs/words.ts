/**
 * Word lists for organisation discovery. They are general knowledge of English and of the world
 * (legal forms, the nouns organisations are named with, places, calendar words, titles, given
 * names), never names of particular organisations.
 */

const set = (text: string) => new Set(text.trim().split(/\s+/));

/** Legal forms that end a company name ("Titan Corporation", "BuyMed Pte Ltd"). */
export const LEGAL_SUFFIXES = set(`
  Inc Inc. Incorporated Ltd Ltd. Limited plc PLC Plc Corp Corp. Corporation Co Co. Company AG SA S.A. NV N.V. BV B.V.
  LLC LLP LP GmbH Pte Pte. Bhd Berhad KK SpA S.p.A. AB ASA Oyj SE Group Holdings Holding`);

/** Legal forms dropped from a name's key, so "Alibaba Group Holding Limited" and "Alibaba" meet. */
export const KEY_SUFFIXES = set(`
  inc incorporated ltd limited plc corp corporation co company ag sa nv bv llc llp lp gmbh pte bhd berhad kk spa ab asa oyj
  se group holdings holding the`);

/** Nouns an organisation's name ends with, by the kind of organisation they suggest. */
export const HEAD_NOUNS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    bank: 'Bank Banc Bancorp Bankers Securities Reserve Finance Financial Insurance Assurance Credit Savings',
    investor: 'Capital Ventures Venture Partners Investors Investment Investments Fund Funds Equity Advisors Advisers Management',
    government: `Ministry Department Commission Committee Authority Agency Office Board Bureau Council Service Services Force
      Army Navy Police Parliament Senate Treasury Administration Regulator Directorate Inspectorate Tribunal`,
    university: 'University College School Academy Institute Polytechnic',
    media: `Times News Journal Post Press Review Herald Telegraph Gazette Tribune Daily Shimbun Chronicle Observer Guardian
      Radio Television TV Broadcasting Magazine Weekly Network`,
    other: `Association Union Federation Organisation Organization Foundation Society Party League Council Chamber Chambers
      Confederation Alliance Coalition Trust Institute Forum`,
    company: `Airlines Airline Airways Air Motors Motor Automotive Technologies Technology Tech Telecom Telecommunications
      Communications Petroleum Oil Gas Energy Power Resources Mining Minerals Steel Tobacco Aviation Aerospace Industries
      Industry Electronics Electric Systems Pharmaceuticals Pharma Therapeutics Biotech Labs Laboratories Robotics Studios
      Media Entertainment Pictures Records Retail Stores Markets Brothers Distributors Logistics Shipping Railways Rail
      Foods Brewery Breweries Chemicals Semiconductor Networks Software Solutions Platforms Exchange Partnership Enterprises
      Consulting Consultants Healthcare Construction Properties Realty Estates Hotels Resorts Cement Textiles Mobile
      Wireless Cable Interactive Dynamics Instruments Devices Precision Engineering Manufacturing Works`,
  }).flatMap(([kind, words]) => words.trim().split(/\s+/).map((w) => [w, kind] as const)),
);

/** Head nouns that take "of"/"for" inside a name: "Bank of England", "Institute for Supply Management". */
export const OF_HEADS = set(`
  Bank Banc Ministry Department Commission Committee Authority Agency Office Board Bureau Council University College
  School Academy Institute Association Union Federation Organisation Organization Foundation Society League Chamber
  Chambers Confederation Court Secretary Museum Fund Federal Reserve Republic Church House Trust Corporation Company
  Administration Directorate Inspectorate Regulator Service`);

/** Lower-case nouns that, placed just before a name, say it is an organisation ("carmaker Korvex"). */
export const DESCRIPTORS = set(`
  firm firms company companies group groups giant giants maker makers carmaker automaker chipmaker drugmaker carrier
  airline airlines operator operators retailer retailers bank banks lender lenders insurer insurers broker brokerage
  regulator watchdog newspaper newspapers daily broadcaster agency agencies startup start-up parent subsidiary unit
  division rival rivals partner partners supplier suppliers manufacturer manufacturers producer producers conglomerate
  fund funds investor investors backer backers owner acquirer buyer seller platform app service provider developer
  publisher network exchange union body council outfit bidder brand label studio chain distributor exporter importer
  telco miner refiner explorer consultancy consultant advisers adviser arm affiliate shareholder`);

/** Words after "X's" that only an organisation has ("Korvex's governance", "Brightwater's shares"). */
export const OWNED_BY_ORG = set(`
  shares share stock profits profit sales revenue revenues earnings chief boss board chairman shareholders
  subsidiary subsidiaries unit units division divisions headquarters staff employees workers customers stake bid
  takeover merger results operations business businesses brand brands products plants factories stores branches
  executives management directors spokesman spokeswoman spokesperson assets debts debt losses bosses`);

/** Roles that, followed by "of/at/with/for X", make X an organisation. */
export const ROLE_BEFORE_OF = set(`
  ceo cfo coo cto chairman chairwoman chair president director boss head founder co-founder chief executive officer
  analyst analysts economist economists strategist spokesman spokeswoman spokesperson partner shareholder shareholders
  owner investors governor managing editor employees staff workers member members unit subsidiary division stake shares`);

/** Months, days, seasons and holidays. */
export const CALENDAR = set(`
  January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep
  Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday Christmas Easter Ramadan Diwali Spring Summer
  Autumn Winter Fall New Year Day Eve Week Weekend Today Tomorrow Yesterday Q1 Q2 Q3 Q4`);

/** Countries, regions, continents and large cities, and the adjectives made from them. */
export const PLACES = set(`
  Africa America Americas Antarctica Arctic Asia Atlantic Australia Europe Pacific Caribbean Mediterranean Middle East
  North South West East Western Eastern Northern Southern Central Latin Gulf Baltic Balkans Scandinavia Nordic Asean
  Afghanistan Albania Algeria Angola Argentina Armenia Austria Azerbaijan Bahrain Bangladesh Belarus Belgium Bolivia
  Bosnia Brazil Britain Bulgaria Cambodia Cameroon Canada Chile China Colombia Congo Croatia Cuba Cyprus Czech Denmark
  Ecuador Egypt England Estonia Ethiopia Finland France Georgia Germany Ghana Greece Holland Hong Kong Hungary Iceland
  India Indonesia Iran Iraq Ireland Israel Italy Ivory Coast Jamaica Japan Jordan Kazakhstan Kenya Korea Kosovo Kuwait
  Laos Latvia Lebanon Liberia Libya Lithuania Luxembourg Macau Macao Malaysia Mali Malta Mexico Moldova Mongolia Morocco
  Mozambique Myanmar Burma Namibia Nepal Netherlands Zealand Nigeria Norway Oman Pakistan Palestine Panama Paraguay Peru
  Philippines Poland Portugal Qatar Romania Russia Rwanda Saudi Arabia Scotland Senegal Serbia Singapore Slovakia
  Slovenia Somalia Spain Sri Lanka Sudan Sweden Switzerland Syria Taiwan Tanzania Thailand Tunisia Turkey Uganda Ukraine
  UAE UK US USA U.S. U.K. Emirates Uruguay Uzbekistan Venezuela Vietnam Wales Yemen Zambia Zimbabwe Kingdom States
  United Soviet Anhui Jiangsu Zhejiang Guangdong Fujian Hubei Hunan Henan Hebei Shandong Shanxi Shaanxi Sichuan Yunnan
  Guizhou Jiangxi Liaoning Jilin Heilongjiang Gansu Qinghai Hainan Xinjiang Tibet Guangxi Ningxia Inner Mongolia Maharashtra
  Karnataka Gujarat Kerala Punjab Bengal Rajasthan Tamil Nadu Telangana Pradesh Uttar Ontario Quebec Alberta Victoria
  Queensland Hokkaido Kyushu Okinawa Gyeonggi Java Bali Sumatra Borneo Sabah Penang Selangor Luzon Mindanao Mainland`);

/** Adjectives of nationality and region: "Swiss Korvex" is Korvex, "Chile Telecom" stays whole. */
export const NATIONALITIES = set(`
  African American Asian Australian European Austrian Argentine Argentinian Belgian Brazilian British Bulgarian Canadian
  Chilean Chinese Colombian Croatian Cuban Czech Danish Dutch Egyptian English Estonian Filipino Finnish French German
  Greek Hungarian Indian Indonesian Iranian Iraqi Irish Israeli Italian Japanese Jordanian Kenyan Korean Kuwaiti
  Latvian Lebanese Libyan Lithuanian Malaysian Mexican Moroccan Nigerian Norwegian Pakistani Palestinian Peruvian
  Polish Portuguese Romanian Russian Saudi Scottish Serbian Singaporean Slovak Spanish Swedish Swiss Syrian Taiwanese
  Thai Turkish Ukrainian Venezuelan Vietnamese Welsh Anglo Anglo-Dutch Franco Sino Euro Eurozone Arab Western`);

/** Cities, states and places in the news; all of PLACES and NATIONALITIES count as places. */
const CITIES = set(`
  London Paris Berlin Frankfurt Munich Hamburg Madrid Barcelona Rome Milan Amsterdam Rotterdam Brussels Vienna Zurich
  Geneva Stockholm Oslo Copenhagen Helsinki Dublin Edinburgh Manchester Birmingham Glasgow Lisbon Athens Warsaw Prague
  Budapest Moscow Kiev Kyiv Istanbul Ankara Cairo Dubai Riyadh Tehran Baghdad Delhi Mumbai Bombay Bangalore Bengaluru
  Chennai Kolkata Hyderabad Karachi Beijing Shanghai Shenzhen Guangzhou Hangzhou Chengdu Wuhan Nanjing Tianjin Chongqing
  Xiamen Suzhou Tokyo Osaka Kyoto Seoul Busan Taipei Manila Jakarta Bangkok Hanoi Saigon Kuala Lumpur Sydney Melbourne
  Brisbane Perth Auckland Wellington Toronto Montreal Vancouver Ottawa York Washington Chicago Boston Angeles Francisco
  San Los Las New Seattle Houston Dallas Atlanta Miami Detroit Denver Philadelphia Phoenix Vegas Silicon Valley Wall
  Street Brooklyn Manhattan California Texas Florida Ohio Michigan Virginia Carolina Massachusetts Illinois Nevada
  Delaware Jersey Connecticut Oregon Utah Colorado Arizona Minnesota Wisconsin Tennessee Kentucky Alabama Louisiana
  Brasilia Rio Janeiro Paulo Buenos Aires Santiago Lima Bogota Caracas Mexico Johannesburg Lagos Nairobi Bavaria
  Normandy Siberia Yorkshire Lancashire Kent Midlands Westminster City Downing Kremlin Whitehall Capitol Hill`);
for (const word of [...NATIONALITIES, ...CITIES]) PLACES.add(word);

/** Place names of several words whose last word is also an organisation's head noun. */
export const MULTI_WORD_PLACES = new Set(['Soviet Union', 'European Economic Area', 'Czech Republic', 'Dominican Republic', 'Central African Republic', 'White House']);

/** Titles and forms of address that precede people's names, and words that open sentences. */
export const TITLES = set(`
  Mr Mrs Ms Miss Dr Prof Professor Sir Dame Lady Rev Sen Senator Rep President Vice Prime Minister
  Chancellor Secretary Treasurer Governor Mayor Sheikh Judge Admiral Colonel Chairman Chairwoman Chief Executive
  Officer CEO CFO COO CTO Founder Co-founder Director Manager Managing Editor Analyst Economist Spokesman Spokeswoman
  Deputy Acting Interim Former Ambassador Commissioner Pope Mr. Mrs. Ms. Dr.`);

/** Capitalised words that are not names when they open a sentence or a run ("However", "The"). */
export const FUNCTION_WORDS = set(`
  The A An And But Or Nor So Yet For Of In On At By To From With Without Within Into Onto Over Under After Before Since
  Further Separately Additionally Together Currently Recently
  Previously Finally Notably Similarly Elsewhere Initially
  Until While When Where Why How What Which Who Whom Whose That This These Those There Here Then Than Thus Also Although
  Though However Meanwhile Moreover Furthermore Nevertheless Nonetheless Instead Indeed Still Even Only Just Already
  Last Next First Second Third Earlier Later Now Today Many Much More Most Some Any All Both Each Every Few Several
  Such Other Another Its It It's He She They We I You Our Their His Her My Your Us Them Him Me Not No Yes If As Is Are
  Was Were Be Been Has Have Had Do Does Did Will Would Can Could Should May Might Must Shall According Despite Because
  Overall Although Analysts Shares Sales Profits Figures Investors Officials Experts Critics Bosses Its Total Old
  Big Top Per Via About Around Between Among Against Through During Including Following Like Unlike Outside Inside`);

/**
 * Common given names, to tell "Michael Blythe" from "Wells Fargo". A short list suffices: people
 * are also recognised by titles, roles and "said".
 */
export const GIVEN_NAMES = set(`
  Aaron Adam Adrian Alan Albert Alex Alexander Alexandra Alfred Alice Alison Amanda Amy Andrea Andrew Andy Angela Ann Anna
  Anne Anthony Antony Arthur Barbara Ben Benjamin Bernard Bill Bob Brian Bruce Carl Carlos Caroline Catherine Charles
  Charlie Chris Christian Christine Christopher Claire Colin Craig Daniel Dave David Dennis Derek Diana Dominic Donald
  Douglas Ed Edward Elizabeth Emily Emma Eric Frank Fred Gary Geoff Geoffrey George Gerald Gerhard Gordon Graham Greg
  Hans Harry Helen Henry Hugh Ian Jack Jacques James Jane Janet Jason Jean Jeff Jeffrey Jennifer Jeremy Jim Joe John
  Jonathan Jose Joseph Juan Julia Julian Justin Karen Kate Keith Ken Kenneth Kevin Larry Laura Lee Linda Lisa Luis
  Margaret Maria Mark Martin Mary Matthew Michael Michel Mike Nicholas Nick Nigel Oliver Patrick Paul Peter Philip
  Phil Pierre Ray Richard Rob Robert Roger Ronald Ross Ruth Ryan Sam Samuel Sarah Scott Sean Simon Stephen Steve Steven
  Stuart Susan Thomas Tim Timothy Tom Tony Victor Vincent Walter Wang William Li Zhang Liu Chen Yang Huang Zhao Wu
  Zhou Xu Sun Ma Zhu Hu Guo Lin Jack Jan Jurgen Klaus Wolfgang Helmut Angela Silvio Vladimir Mikhail Boris Jacques
  Nicolas Carlo Giovanni Marco Antonio Francesco Pedro Manuel Miguel Rahul Raj Sanjay Amit Ravi Vijay Sunil Anil Hiroshi
  Takeshi Kenji Yuki Akira Masayoshi Kim Park Lee Abdul Mohammed Muhammad Ahmed Ali Hassan Omar`);

/** Common Chinese family names, which come first: "Sheng Xitai", "Yu Minhong". */
export const SURNAMES_FIRST = set(`
  Li Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Zhu Hu Guo Lin Gao Luo Zheng Liang Xie Song Tang Han Feng
  Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding Ren Shen Yao Lei Fan Fu Zhong
  Sheng Xue Qian Qin Shi Ke Mao Bai Kong Tan Lam Chan Wong Leung Cheung Ho Lau`);

/** Abbreviations of common nouns, and common nouns often capitalised, not organisations. */
export const COMMON_WORDS = set(`
  Internet Web Net Cloud Metaverse Blockchain Bitcoin Brexit
  AI AR VR XR IT HR PR PPE GDP GNP CPI IPO M&A EV EVs CEO CFO COO CTO CMO VP SVP MD HQ R&D B2B B2C SaaS API APIs
  SMS GPS PC PCs TV DVD CD USB LED LCD OLED GPU CPU SME SMEs VAT ID PhD MBA NGO NGOs FAQ PDF URL Q&A OTC ETF ETFs
  LNG LPG EU27 COVID Covid AIDS HIV SARS FY YoY QoQ AM PM GMT UTC BST EST`);
