"""What both apps add to Gradio's pages for WCAG 2.1 AA (axe-core: no critical or serious violations).

- Contrast: Gradio's default primary (orange, 2.8:1 with white) and stop (red, 3.8:1) buttons get colours with
  7:1 or more, and the upload box's faint "- or -" / "Click to Upload" text (1.9:1) a readable grey.
- ARIA, patched in the page as Gradio renders it (its components can't be told): the chatbot's example questions
  are a `role="list"` holding buttons (a group, here); an empty file box carries an `aria-label` on a plain div (a
  note, here); the sign-in page has no title.
"""

from __future__ import annotations

import gradio as gr

INK = "#1d4e89"  # 8.0:1 on white
INK_HOVER = "#163d6c"
STOP = "#a4161a"  # 7.6:1 on white
STOP_HOVER = "#7f1114"


def theme() -> gr.themes.Base:
    return gr.themes.Default().set(
        button_primary_background_fill=INK, button_primary_background_fill_hover=INK_HOVER,
        button_primary_text_color="#ffffff", button_primary_border_color=INK,
        button_cancel_background_fill=STOP, button_cancel_background_fill_hover=STOP_HOVER,
        button_cancel_text_color="#ffffff", button_cancel_border_color=STOP,
    )


CSS = """
.or, .subdued { color: #4b5563 !important; }  /* the upload box's hints: 7.5:1 */
"""

HEAD = """<script>
(() => {
  const fix = () => {
    document.querySelectorAll('.examples[role="list"]').forEach((list) => {
      list.setAttribute('role', 'group');
      if (!list.getAttribute('aria-label')) list.setAttribute('aria-label', 'Example questions');
    });
    document.querySelectorAll('div.empty[aria-label]:not([role])').forEach((box) => box.setAttribute('role', 'note'));
    if (!document.title.trim()) document.title = 'Sign in';
  };
  new MutationObserver(fix).observe(document.documentElement, {subtree: true, childList: true});
  fix();
})();
</script>"""
