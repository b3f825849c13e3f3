// Small on-disk sources for the dataset tests: KOOMPI articles (EN+KM), a man tree, an ArchWiki page, a pacman db.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Fixture {
  root: string;
  knowledge: string;
  manTree: string;
  wiki: string;
  pacmanDb: string;
}

const article = (id: string, lang: 'en' | 'km', title: string, sections: [string, string][]): string =>
  `---\nid: ${id}\nlang: ${lang}\ntitle: ${title}\ntopics: [${id}]\nkeywords: [${id}]\n---\n# ${title}\n${lang === 'en' ? `Everything about ${title.toLowerCase()} on KOOMPI OS, in short steps that work.` : `អ្វីៗទាំងអស់អំពី ${title} នៅលើ KOOMPI OS ជាជំហានខ្លីៗ។`}\n\n` +
  sections.map(([h, body]) => `## ${h} {#${h.toLowerCase().replace(/\W+/g, '-')}}\n${body}\n`).join('\n');

export function makeFixture(root: string): Fixture {
  const knowledge = join(root, 'knowledge');
  for (const lang of ['en', 'km'] as const) mkdirSync(join(knowledge, lang), { recursive: true });
  const topics = [
    'snapshots',
    'printing',
    'wifi',
    'sound',
    'display',
    'bluetooth',
    'packages',
    'touchpad',
    'fonts',
    'usb',
    'users',
    'screenshots',
  ];
  for (const id of topics) {
    writeFileSync(
      join(knowledge, 'en', `${id}.md`),
      article(id, 'en', `${id[0]!.toUpperCase()}${id.slice(1)}`, [
        [`Set up ${id}`, `To set up ${id}, open System Settings and pick ${id}. Then run:\n\`\`\`bash\nkoompi ${id} setup\n\`\`\``],
        [`Fix ${id} problems`, `When ${id} stops working, restart it and read the log of the ${id} service with journalctl.`],
      ]),
    );
    writeFileSync(
      join(knowledge, 'km', `${id}.md`),
      article(id, 'km', `${id} ខ្មែរ`, [
        [`រៀបចំ ${id}`, `ដើម្បីរៀបចំ ${id} សូមបើកការកំណត់ប្រព័ន្ធ ហើយជ្រើស ${id}។\n\`\`\`bash\nkoompi ${id} setup\n\`\`\``],
      ]),
    );
  }
  // the same section twice under two names: a duplicate to remove
  writeFileSync(
    join(knowledge, 'en', 'copy.md'),
    article('copy', 'en', 'Copy', [
      ['Set up snapshots', 'To set up snapshots, open System Settings and pick snapshots. Then run:\n```bash\nkoompi snapshots setup\n```'],
    ]),
  );

  const manTree = join(root, 'man');
  mkdirSync(join(manTree, 'man1'), { recursive: true });
  const page = (name: string, summary: string): string => `.TH ${name.toUpperCase()} 1 "2026" "tools 1.0" "User Commands"
.SH NAME
${name} \\- ${summary}
.SH SYNOPSIS
.B ${name}
[\\fIOPTION\\fR]... [\\fIFILE\\fR]...
.SH DESCRIPTION
.PP
${name[0]!.toUpperCase()}${name.slice(1)} reads the FILEs and ${summary}, writing the result to standard output.
.TP
\\fB\\-a\\fR, \\fB\\-\\-all\\fR
include entries that start with a dot, which are hidden by default
.TP
\\fB\\-n\\fR, \\fB\\-\\-number\\fR
number every output line, starting at one
.SH EXAMPLES
.PP
${name} \\-a notes.txt
.PP
Shows every entry of notes.txt, the hidden ones included.
`;
  writeFileSync(join(manTree, 'man1', 'frob.1.gz'), gzipSync(page('frob', 'frobnicates text files')));
  writeFileSync(join(manTree, 'man1', 'quux.1'), page('quux', 'counts the quux in a file'));

  const wiki = join(root, 'wiki');
  mkdirSync(join(wiki, 'en'), { recursive: true });
  writeFileSync(
    join(wiki, 'en', 'Swap.html'),
    `<!DOCTYPE html><html><head><title>Swap - ArchWiki</title></head><body>
<div class="mw-parser-output"><p>This page introduces the swap space and paging on GNU/Linux and covers creating and activating swap partitions and swap files.</p>
<h2><span class="mw-headline" id="Swap_file">Swap file</span></h2>
<p>As an alternative to creating an entire partition, a swap file offers the ability to vary its size on-the-fly, and is more easily removed altogether.</p>
<pre>mkswap -U clear --size 4G --file /swapfile</pre>
<p>Activate the swap file with swapon and add an entry to fstab so that it is used at every boot of the system.</p>
</div></body></html>`,
  );

  const pacmanDb = join(root, 'pacman-local');
  mkdirSync(join(pacmanDb, 'frobutils-1.0-1'), { recursive: true });
  writeFileSync(join(pacmanDb, 'frobutils-1.0-1', 'desc'), '%NAME%\nfrobutils\n\n%VERSION%\n1.0-1\n\n%LICENSE%\nGPL-3.0-or-later\nMIT\n\n');
  writeFileSync(join(pacmanDb, 'frobutils-1.0-1', 'files'), `%FILES%\n${join(manTree, 'man1', 'frob.1.gz').slice(1)}\n\n`);
  return { root, knowledge, manTree, wiki, pacmanDb };
}
