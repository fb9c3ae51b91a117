// Wide-character ncurses for Swift. The defines must come before <ncurses.h> so that
// get_wch / mvaddwstr / cchar_t are declared. C globals (stdscr, LINES, COLS, COLORS, stdin,
// stdout) and function-like macros (A_BOLD, COLOR_PAIR, KEY_F) are wrapped in accessors because
// Swift 6 rejects the globals as shared mutable state and cannot import the macros.
// Only Sources/MotCuaTUI/Terminal/NcursesTerminal.swift imports this module.
#ifndef MOTCUA_CNCURSESW_SHIM_H
#define MOTCUA_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <ncursesw/ncurses.h>

static inline WINDOW *motcua_stdscr(void) { return stdscr; }
static inline int motcua_lines(void) { return LINES; }
static inline int motcua_cols(void) { return COLS; }
static inline int motcua_colors(void) { return COLORS; }
static inline int motcua_color_pair(int n) { return COLOR_PAIR(n); }
static inline int motcua_setlocale_all(void) { return setlocale(LC_ALL, "") != NULL; }

// ---- attributes and keys (function-like macros) ----
static inline attr_t motcua_a_normal(void) { return A_NORMAL; }
static inline attr_t motcua_a_bold(void) { return A_BOLD; }
static inline attr_t motcua_a_reverse(void) { return A_REVERSE; }
static inline attr_t motcua_a_underline(void) { return A_UNDERLINE; }
static inline attr_t motcua_a_dim(void) { return A_DIM; }
static inline int motcua_key_f(int n) { return KEY_F(n); }

/// Columns the terminal's C library gives a wide character (-1: not printable in this locale).
static inline int motcua_wcwidth(wchar_t c) { return wcwidth(c); }

// ---- environment ----
/// The locale's character set after setlocale (e.g. "UTF-8", "ANSI_X3.4-1968"), copied into buf.
static inline void motcua_codeset(char *buf, size_t len) {
    const char *cs = nl_langinfo(CODESET);
    if (len == 0) return;
    if (cs == NULL) cs = "";
    strncpy(buf, cs, len - 1);
    buf[len - 1] = '\0';
}
/// stdin and stdout are both terminals.
static inline int motcua_stdio_is_tty(void) { return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO); }
/// NO_COLOR (https://no-color.org) is set to a non-empty value.
static inline int motcua_no_color(void) {
    const char *v = getenv("NO_COLOR");
    return v != NULL && v[0] != '\0';
}
/// newterm on the process's stdin/stdout with $TERM; NULL when the terminal cannot be used
/// (unlike initscr, which exits the process).
static inline SCREEN *motcua_newterm(void) { return newterm(NULL, stdout, stdin); }

// ---- resize without SIGWINCH ----
// When SIGWINCH never arrives (blocked by a parent, some serial consoles), the desk still
// notices a new size: on each idle poll it asks the tty and resizes ncurses itself. 1 = resized.
static inline int motcua_check_resize(void) {
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0) return 0;
    if ((int)ws.ws_row == LINES && (int)ws.ws_col == COLS) return 0;
    resize_term((int)ws.ws_row, (int)ws.ws_col);
    return 1;
}

// ---- restoring the terminal on signals ----
// Termination signals (TERM, INT, HUP, QUIT): endwin, then _exit(128 + sig).
// Crash signals (SEGV, BUS, ILL, TRAP, ABRT, FPE): endwin, then re-raise under the handler that
// was there before (the Swift runtime's backtracer, or the default), so the crash report shows
// on a usable terminal.
#define MOTCUA_NSIG 65
static inline struct sigaction *motcua_saved_actions(void) {
    static struct sigaction saved[MOTCUA_NSIG];
    return saved;
}
static inline int *motcua_saved_flags(void) {
    static int installed[MOTCUA_NSIG];
    return installed;
}
static inline void motcua_on_terminate(int sig) {
    endwin();
    _exit(128 + sig);
}
static inline void motcua_on_crash(int sig) {
    endwin();
    if (sig > 0 && sig < MOTCUA_NSIG && motcua_saved_flags()[sig]) {
        sigaction(sig, &motcua_saved_actions()[sig], NULL);
    } else {
        signal(sig, SIG_DFL);
    }
    raise(sig);
}
static inline void motcua_install_one(int sig, void (*handler)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    if (sig > 0 && sig < MOTCUA_NSIG && sigaction(sig, &sa, &motcua_saved_actions()[sig]) == 0) {
        motcua_saved_flags()[sig] = 1;
    }
}
static inline void motcua_restore_one(int sig) {
    if (sig > 0 && sig < MOTCUA_NSIG && motcua_saved_flags()[sig]) {
        sigaction(sig, &motcua_saved_actions()[sig], NULL);
        motcua_saved_flags()[sig] = 0;
    }
}
static inline void motcua_endwin_atexit(void) { endwin(); }
static inline void motcua_install_signal_handlers(void) {
    static int atexit_done = 0;
    motcua_install_one(SIGTERM, motcua_on_terminate);
    motcua_install_one(SIGINT, motcua_on_terminate);
    motcua_install_one(SIGHUP, motcua_on_terminate);
    motcua_install_one(SIGQUIT, motcua_on_terminate);
    motcua_install_one(SIGSEGV, motcua_on_crash);
    motcua_install_one(SIGBUS, motcua_on_crash);
    motcua_install_one(SIGILL, motcua_on_crash);
    motcua_install_one(SIGTRAP, motcua_on_crash);
    motcua_install_one(SIGABRT, motcua_on_crash);
    motcua_install_one(SIGFPE, motcua_on_crash);
    if (!atexit_done) { atexit(motcua_endwin_atexit); atexit_done = 1; }
    // A parent may start us with these blocked (seen under tmux): then a closed SSH session or a
    // kill would leave the desk running on a dead terminal. Unblock them on this thread.
    sigset_t term;
    sigemptyset(&term);
    sigaddset(&term, SIGTERM); sigaddset(&term, SIGINT); sigaddset(&term, SIGHUP); sigaddset(&term, SIGQUIT);
    sigaddset(&term, SIGWINCH);
    pthread_sigmask(SIG_UNBLOCK, &term, NULL);
}
static inline void motcua_restore_signal_handlers(void) {
    int sigs[] = { SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++) motcua_restore_one(sigs[i]);
}

// ---- extra key sequences ----
// Sequences other terminals send when $TERM says otherwise (PuTTY's default ESC[n~ function and
// Home/End keys under TERM=xterm, the Linux console's F1–F5, rxvt's Home/End, VT220-style F5–F12
// and editing keys under TERM=vt100). Only sequences
// the terminfo entry leaves undefined are added.
static inline void motcua_define_extra_keys(void) {
    static const struct { const char *seq; int code; } extra[] = {
        { "\033[1~", KEY_HOME }, { "\033[4~", KEY_END }, { "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
        { "\033[H", KEY_HOME }, { "\033[F", KEY_END }, { "\033OH", KEY_HOME }, { "\033OF", KEY_END },
        { "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) }, { "\033[13~", KEY_F(3) }, { "\033[14~", KEY_F(4) },
        { "\033[15~", KEY_F(5) }, { "\033OP", KEY_F(1) }, { "\033OQ", KEY_F(2) }, { "\033OR", KEY_F(3) },
        { "\033OS", KEY_F(4) }, { "\033[[A", KEY_F(1) }, { "\033[[B", KEY_F(2) }, { "\033[[C", KEY_F(3) },
        { "\033[[D", KEY_F(4) }, { "\033[[E", KEY_F(5) }, { "\033[Z", KEY_BTAB },
        { "\033[17~", KEY_F(6) }, { "\033[18~", KEY_F(7) }, { "\033[19~", KEY_F(8) }, { "\033[20~", KEY_F(9) },
        { "\033[21~", KEY_F(10) }, { "\033[23~", KEY_F(11) }, { "\033[24~", KEY_F(12) },
        { "\033[2~", KEY_IC }, { "\033[3~", KEY_DC }, { "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE },
        { "\033[A", KEY_UP }, { "\033[B", KEY_DOWN }, { "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
        { "\033OA", KEY_UP }, { "\033OB", KEY_DOWN }, { "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
    };
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++) {
        if (key_defined(extra[i].seq) == 0) define_key(extra[i].seq, extra[i].code);
    }
}

// ---- drawing ----
/// Puts one cell: up to 5 wide characters (a spacing character and its combining marks),
/// NUL-terminated in `wch`, with attributes and a colour pair.
static inline int motcua_put_cell(int y, int x, const wchar_t *wch, attr_t attrs, short pair) {
    cchar_t cc;
    memset(&cc, 0, sizeof cc);
    if (setcchar(&cc, wch, attrs, pair, NULL) == ERR) return ERR;
    return mvadd_wch(y, x, &cc);
}
#endif
