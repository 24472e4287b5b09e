import { expect, test, type Page } from '@playwright/test';
import { createAccount, pageAs, signInCookie, type Account } from './support/accounts.ts';
import { createStory } from './support/copydeskServer.ts';
import { cursorToEnd, expectSaved, serveTestImages, storyText } from './support/editorPage.ts';
import { useCopydesk } from './support/useCopydesk.ts';

const copydesk = useCopydesk();
let ed: Account;
let edCookie: string;

test.beforeAll(async () => {
  ed = await createAccount(copydesk.server.url, 'paula', 'Paula Paste', 'editor');
  edCookie = await signInCookie(copydesk.server.url, ed.username, ed.password);
});

/** What Word puts on the clipboard: Office namespaces, Mso classes, lists as mso-list paragraphs, VML fallbacks. */
const WORD_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word">
<head><meta charset="utf-8"><style><!-- p.MsoNormal{margin:0cm;font-family:"Calibri"} --></style></head>
<body lang=EN-GB style='tab-interval:36.0pt'>
<!--StartFragment-->
<h2 style='mso-margin-top-alt:auto'><span lang=EN-GB>Word heading<o:p></o:p></span></h2>
<p class=MsoNormal>The <b style='mso-bidi-font-weight:normal'>council</b> approved <a href="https://council.example/plan">the dredging plan</a> on Tuesday.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Deeper berths<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>New harbour lights<o:p></o:p></p>
<p class=MsoNormal onclick="alert(1)"><span style='mso-no-proof:yes'><img width=602 height=351 src="https://images.example/word-quay.png" alt="Boats at the quay" onerror="alert(2)"></span><o:p></o:p></p>
<p class=MsoCaption>Boats at the quay after the work</p>
<!--EndFragment-->
</body></html>`;

/** What Google Docs puts on the clipboard: a <b> wrapper, dir/role attributes, spans with inline styles. */
const DOCS_HTML =
  '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c4d-7fff-1234-5678-abcdef012345">' +
  '<h3 dir="ltr" style="line-height:1.38;margin-top:16pt;margin-bottom:4pt;"><span style="font-size:13.999999999999998pt;font-family:Arial,sans-serif;color:#434343;font-weight:400;">Docs heading</span></h3>' +
  '<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:700;">Bold start</span><span style="font-size:11pt;font-family:Arial,sans-serif;font-weight:400;"> and a </span>' +
  '<a href="https://harbour.example/timeline" style="text-decoration:none;"><span style="font-size:11pt;color:#1155cc;text-decoration:underline;">timeline link</span></a></p>' +
  '<ol style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:decimal;" aria-level="1"><p dir="ltr" role="presentation"><span>First step</span></p></li>' +
  '<li dir="ltr" style="list-style-type:decimal;" aria-level="1"><p dir="ltr" role="presentation"><span>Second step</span></p></li></ol>' +
  '<p dir="ltr"><a href="javascript:alert(3)"><span>not a link</span></a></p>' +
  '</b>';

/** Pastes `html` at the cursor the way a browser does: a paste event whose clipboard holds text/html and text/plain. */
async function pasteHtml(page: Page, html: string, text: string): Promise<void> {
  await storyText(page).evaluate(
    (element, data) => {
      const clipboard = new DataTransfer();
      clipboard.setData('text/html', data.html);
      clipboard.setData('text/plain', data.text);
      const target = document.getSelection()?.anchorNode?.parentElement ?? element;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
    },
    { html, text },
  );
}

test('pasting from Word and from Google Docs keeps headings, lists, links and figures, and nothing executable', async ({ browser }) => {
  const url = copydesk.server.url;
  const story = await createStory(url, 'Harbour plan pasted in', edCookie);
  const editor = await pageAs(browser, url, ed);
  await serveTestImages(editor.context());
  const dialogs: string[] = [];
  editor.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await editor.goto(`${url}/stories/${story.id}`);
  await expectSaved(editor);
  const body = storyText(editor);

  await cursorToEnd(editor);
  await editor.keyboard.press('Enter');
  await editor.keyboard.type('Intro.');
  await editor.keyboard.press('Enter');
  await pasteHtml(editor, WORD_HTML, 'Word heading\nThe council approved the dredging plan on Tuesday.');

  await expect(body.getByRole('heading', { level: 2, name: 'Word heading' })).toBeVisible();
  await expect(body.getByRole('link', { name: 'the dredging plan' })).toHaveAttribute('href', 'https://council.example/plan');
  await expect(body.locator('strong', { hasText: 'council' })).toBeVisible();
  await expect(body.locator('ul > li')).toHaveText(['Deeper berths', 'New harbour lights']);
  const figure = body.locator('figure');
  await expect(figure).toHaveCount(1);
  await expect(figure.locator('img')).toHaveAttribute('src', 'https://images.example/word-quay.png');
  await expect(figure.locator('img')).toHaveAttribute('alt', 'Boats at the quay');
  // Word's own furniture never reaches the story.
  await expect(body).not.toContainText('·');
  await expect(body.locator('[class*="Mso"], [onclick], [onerror], o\\:p')).toHaveCount(0);

  await cursorToEnd(editor);
  await editor.keyboard.press('Enter');
  await pasteHtml(editor, DOCS_HTML, 'Docs heading\nBold start and a timeline link');

  await expect(body.getByRole('heading', { level: 3, name: 'Docs heading' })).toBeVisible();
  // Google Docs' <b style="font-weight:normal"> wrapper does not make everything bold.
  await expect(body.locator('strong')).toHaveText(['council', 'Bold start']);
  await expect(body.getByRole('link', { name: 'timeline link' })).toHaveAttribute('href', 'https://harbour.example/timeline');
  await expect(body.locator('ol > li')).toHaveText(['First step', 'Second step']);
  await expect(body.getByText('not a link')).toBeVisible();
  await expect(body.locator('a[href^="javascript"]')).toHaveCount(0);

  await expectSaved(editor);
  // What was pasted is the story: it survives a reload from the server.
  await editor.reload();
  await expectSaved(editor);
  await expect(body.getByRole('heading', { level: 2, name: 'Word heading' })).toBeVisible();
  await expect(body.locator('ol > li')).toHaveCount(2);
  await expect(body.locator('figure img')).toHaveAttribute('src', 'https://images.example/word-quay.png');
  expect(dialogs).toEqual([]);
});
