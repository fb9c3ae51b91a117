// Wide-character ncurses for Swift. The defines must come before <ncurses.h> so that
// get_wch / mvaddwstr / cchar_t are declared. C globals (stdscr, LINES, COLS, COLORS) are
// wrapped in accessors because Swift 6 rejects them as shared mutable state.
#ifndef MOTCUA_CNCURSESW_SHIM_H
#define MOTCUA_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

static inline WINDOW *motcua_stdscr(void) { return stdscr; }
static inline int motcua_lines(void) { return LINES; }
static inline int motcua_cols(void) { return COLS; }
static inline int motcua_colors(void) { return COLORS; }
static inline int motcua_color_pair(int n) { return COLOR_PAIR(n); }
static inline int motcua_setlocale_all(void) { return setlocale(LC_ALL, "") != NULL; }
#endif
