/**
 * The public site's stylesheet, inlined in every page (front page, article page, notices) so a
 * frozen publication looks the same wherever it is opened, with nothing to fetch. Readable serif
 * body on a centred column, sans-serif furniture (section, byline, dates, captions).
 */
export const SITE_STYLE = `
:root{color-scheme:light;--ink:#1a1a1a;--muted:#5f5f5f;--rule:#d9d6cf;--accent:#a4161a;--paper:#fffdf8}
*{box-sizing:border-box}
body{margin:0;background:var(--paper);color:var(--ink);font:1.125rem/1.65 Georgia,"Times New Roman",serif}
a{color:inherit;text-decoration-color:var(--accent);text-underline-offset:.15em}
a:hover{color:var(--accent)}
.masthead{border-bottom:3px double var(--ink);padding:1rem 1.25rem .75rem;text-align:center}
.masthead .site-name{margin:0;font-size:2.25rem;font-weight:700;letter-spacing:-.01em;line-height:1.1}
.masthead a{text-decoration:none}
.masthead .tagline{margin:.25rem 0 0;font:600 .75rem/1.4 system-ui,sans-serif;letter-spacing:.12em;text-transform:uppercase;color:var(--muted)}
main{display:block;max-width:42rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
article header{border-bottom:1px solid var(--rule);margin-bottom:1.5rem;padding-bottom:1rem}
.section{margin:0 0 .5rem;font:700 .8rem/1.4 system-ui,sans-serif;letter-spacing:.1em;text-transform:uppercase;color:var(--accent)}
h1{margin:0 0 .75rem;font-size:2.4rem;line-height:1.15;letter-spacing:-.015em}
h2{font-size:1.5rem;line-height:1.25;margin:2rem 0 .5rem}
h3{font-size:1.2rem;line-height:1.3;margin:1.5rem 0 .5rem}
.standfirst{margin:0 0 1rem;font-size:1.3rem;line-height:1.45;color:#333}
.byline,.dates{margin:.25rem 0;font:.9rem/1.5 system-ui,sans-serif;color:var(--muted)}
.byline{font-weight:600;color:var(--ink)}
.dates time+time::before{content:"· "}
figure{margin:1.75rem 0}
figure img{display:block;width:100%;height:auto;background:#eee}
figcaption{margin-top:.5rem;font:.85rem/1.5 system-ui,sans-serif;color:var(--muted)}
figcaption .credit{text-transform:uppercase;letter-spacing:.05em;font-size:.75rem;white-space:nowrap}
blockquote{margin:1.5rem 0;padding-left:1.25rem;border-left:3px solid var(--accent);font-style:italic}
hr{border:0;border-top:1px solid var(--rule);margin:2rem 0}
.read-more{margin:1.5rem 0;padding:.75rem 1rem;border-left:4px solid var(--accent);background:#f4f1ea;font:600 .95rem/1.5 system-ui,sans-serif}
.read-more a{text-decoration:none}
.correction{margin:0 0 1.5rem;padding:.75rem 1rem;background:#fff4d6;border:1px solid #e8cf87;font:.95rem/1.5 system-ui,sans-serif}
.related-stories{margin-top:2.5rem;border-top:3px solid var(--ink);padding-top:.75rem}
.related-stories h2{margin:0 0 .5rem;font:700 .8rem/1.4 system-ui,sans-serif;letter-spacing:.1em;text-transform:uppercase}
.related-stories ul{margin:0;padding:0;list-style:none}
.related-stories li{padding:.5rem 0;border-bottom:1px solid var(--rule)}
.tags{display:flex;flex-wrap:wrap;gap:.5rem;margin:2rem 0 0;padding:0;list-style:none}
.tags li{padding:.15rem .6rem;border:1px solid var(--rule);border-radius:999px;font:.8rem/1.5 system-ui,sans-serif;color:var(--muted)}
.stories{margin:0;padding:0;list-style:none}
.stories li{padding:1.25rem 0;border-bottom:1px solid var(--rule)}
.stories li:first-child h2{font-size:2rem}
.stories h2{margin:.25rem 0 .5rem;font-size:1.5rem}
.stories h2 a{text-decoration:none}
.stories .standfirst{font-size:1.05rem;margin:0 0 .5rem}
.stories .meta{margin:0;font:.85rem/1.5 system-ui,sans-serif;color:var(--muted)}
.stories .meta .section{display:inline;margin-right:.5rem}
.site-footer{max-width:42rem;margin:0 auto;padding:1rem 1.25rem 2rem;border-top:1px solid var(--rule);font:.85rem/1.5 system-ui,sans-serif;color:var(--muted)}
.notice{text-align:center}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`
  .trim()
  .replace(/\n/g, '');
