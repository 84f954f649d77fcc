import { describeBook } from './book';

describeBook('Democracy in America, volume 1', {
  files: ['tocqueville-democracy-in-america-v1.txt', 'tocqueville-democracy-in-america-v1.html'],
  count: { key: 'ch.', n: 18 },
  sentences: [
    ['Amongst the novel objects that attracted my attention during my stay in', 'bk. 1 Introductory Chapter ¶ 1'],
    ['There is a country in the world where the great revolution which I am', 'bk. 1 Introductory Chapter ¶ 26'],
    ['North America divided into two vast regions', 'bk. 1 ch. 1 ¶ 1'],
    ['Its surface is therefore about six times as', 'bk. 1 ch. 1 ¶ 4'],
    ['The Mississippi takes its source above the limit of the two great', 'bk. 1 ch. 1 ¶ 5'],
    ['Utility of knowing the origin of nations in order to understand their', 'bk. 1 ch. 2 ¶ 1'],
  ],
  notes: { 'tocqueville-democracy-in-america-v1.txt': 314, 'tocqueville-democracy-in-america-v1.html': 273 },
  note: ['Its surface is therefore about six times as', 'Darby’s “View of the United States.”'],
  notTheAuthors: ['Project Gutenberg', 'Introductory Chapter Chapter I: Exterior Form Of North America', 'Chapter Summary Chapter II'],
});
