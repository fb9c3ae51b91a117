import CNcursesw
import Foundation
import MotCuaCore

/// Why the real terminal could not be opened.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// stdin or stdout is not a terminal (a pipe, a file, cron).
    case notATerminal
    /// ncurses could not start on `$TERM`.
    case cannotInitialize(term: String)
    /// Another NcursesTerminal is open in this process.
    case alreadyOpen

    public var description: String {
        switch self {
        case .notATerminal:
            "Không phải màn hình dòng lệnh (stdin/stdout không phải terminal) / not a terminal (stdin/stdout is not a tty)"
        case .cannotInitialize(let term):
            "Không khởi động được màn hình với TERM=\(term) / cannot start the terminal with TERM=\(term)"
        case .alreadyOpen:
            "Màn hình đã được mở / the terminal is already open"
        }
    }
}

/// The real terminal, through ncursesw. The ONLY code that imports CNcursesw.
///
/// `open()` sets the locale from the environment, starts ncurses on stdin/stdout (raw, no echo,
/// keypad, no newline translation, hidden cursor), starts colours only when the terminal has them
/// and NO_COLOR is unset, and installs signal handlers that restore the terminal on SIGTERM,
/// SIGINT, SIGHUP, SIGQUIT and on crashes (an `atexit` hook covers `exit()` too). `close()` (or
/// deinit) ends ncurses and puts the previous signal handlers back.
///
/// Keys are read with a timeout (`wtimeout` + `wget_wch`), so an idle desk sleeps in the kernel.
/// Drawing puts every cell of the grid and refreshes: ncurses sends only what changed.
public final class NcursesTerminal: Terminal {
    /// The locale's character set after `setlocale(LC_ALL, "")` (e.g. `UTF-8`).
    public let codeset: String
    /// The locale is UTF-8: Vietnamese can be shown. When false, text is drawn without
    /// diacritics (`ễ` → `e`, `Đ` → `D`) and other non-ASCII characters as `?`.
    public let isUTF8: Bool
    public let hasColor: Bool
    public var supportsUnicode: Bool { isUTF8 && !asciiOnly }
    public var isClosed: Bool { closed || stdinGone }
    /// Draw ASCII only (folded Vietnamese): forced by `open(ascii: true)` or a non-UTF-8 locale.
    public let asciiOnly: Bool

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var previousCursor: Int32
    private var fastErrors = 0
    private var closed = false
    /// stdin reached end of file (the connection dropped without a SIGHUP).
    private var stdinGone = false
    /// A key read while checking whether Esc began an Alt combination (Esc then F10 typed
    /// quickly): returned by the next `readKey` instead of being lost.
    private var pendingKey: Key?

    // Colour pairs, one per role.
    private static let pairs: [ColorRole: Int16] = [
        .header: 1, .keyBar: 2, .selected: 3, .priority: 4, .warning: 5,
    ]

    /// The locale's character set as the process would see it after `setlocale(LC_ALL, "")`,
    /// without starting ncurses (for a warning before opening the desk).
    public static func localeCodeset() -> String {
        _ = motcua_setlocale_all()
        var buf = [CChar](repeating: 0, count: 64)
        motcua_codeset(&buf, buf.count)
        return String(decoding: buf.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// True when a codeset name means UTF-8 (`UTF-8`, `utf8`).
    public static func isUTF8Codeset(_ name: String) -> Bool {
        let n = name.lowercased().filter { $0 != "-" && $0 != "_" }
        return n == "utf8"
    }

    /// Starts the terminal. Throws when stdin/stdout is not a terminal or `$TERM` is unusable;
    /// the screen is untouched then. `ascii: true` draws without diacritics even on UTF-8.
    public static func open(ascii: Bool = false) throws(TerminalError) -> NcursesTerminal {
        try NcursesTerminal(ascii: ascii)
    }

    private init(ascii: Bool) throws(TerminalError) {
        let cs = NcursesTerminal.localeCodeset()
        codeset = cs
        isUTF8 = NcursesTerminal.isUTF8Codeset(cs)
        asciiOnly = ascii || !isUTF8
        guard motcua_stdio_is_tty() != 0 else { throw .notATerminal }
        guard motcua_stdscr() == nil else { throw .alreadyOpen }
        guard let scr = motcua_newterm() else {
            throw .cannotInitialize(term: NcursesTerminal.environment("TERM") ?? "")
        }
        guard let win = motcua_stdscr() else {
            endwin()
            delscreen(scr)
            throw .cannotInitialize(term: NcursesTerminal.environment("TERM") ?? "")
        }
        screen = scr
        window = win
        motcua_install_signal_handlers()
        raw()
        noecho()
        nonl()
        keypad(win, true)
        intrflush(win, false)
        _ = set_escdelay(25)
        motcua_define_extra_keys()
        previousCursor = curs_set(0)
        var color = false
        if has_colors(), motcua_no_color() == 0, start_color() != ERR {
            let defaults = use_default_colors() != ERR
            let bg: Int16 = defaults ? -1 : Int16(COLOR_BLACK)
            init_pair(1, Int16(COLOR_WHITE), Int16(COLOR_BLUE))   // header
            init_pair(2, Int16(COLOR_BLACK), Int16(COLOR_CYAN))   // key bar
            init_pair(3, Int16(COLOR_BLACK), Int16(COLOR_WHITE))  // selected row
            init_pair(4, Int16(COLOR_MAGENTA), bg)                // priority
            init_pair(5, Int16(COLOR_RED), bg)                    // warning
            color = true
        }
        hasColor = color
        werase(win)
        wrefresh(win)
    }

    deinit { close() }

    /// Ends ncurses and restores the terminal and signal handlers. Safe to call twice.
    public func close() {
        guard !closed else { return }
        closed = true
        // Terminals without an alternate screen (TERM=vt100, linux) keep whatever was drawn
        // after endwin: blank it first so the clerk's data does not stay on the console. Where
        // there is an alternate screen this blanks a screen that is about to be switched away.
        werase(window)
        wmove(window, 0, 0)
        wrefresh(window)
        if previousCursor != ERR { curs_set(previousCursor) }
        endwin()
        delscreen(screen)
        motcua_restore_signal_handlers()
    }

    public var size: (rows: Int, cols: Int) {
        isClosed ? (0, 0) : (Int(motcua_lines()), Int(motcua_cols()))
    }

    public func draw(_ grid: CellGrid) {
        guard !isClosed else { return }
        let (rows, cols) = size
        werase(window)
        var wbuf = [wchar_t](repeating: 0, count: 6)
        for r in 0..<min(rows, grid.rows) {
            var c = 0
            let lastCol = min(cols, grid.cols)
            while c < lastCol {
                let cell = grid[r, c]
                if cell.isContinuation { c += 1; continue }
                let (attrs, pair) = attributes(for: cell.style)
                let wide = c + 1 < grid.cols && grid[r, c + 1].isContinuation
                var text = cell.text
                if asciiOnly {
                    text = NcursesTerminal.asciiFold(text, width: wide ? 2 : 1)
                    for (i, ch) in text.enumerated() where c + i < lastCol {
                        put(r, c + i, String(ch), attrs, pair, &wbuf)
                    }
                    c += wide ? 2 : 1
                    continue
                }
                let base = text.unicodeScalars.first.map { Int(motcua_wcwidth(wchar_t(bitPattern: $0.value))) } ?? 1
                if wide {
                    if base == 2, c + 1 < lastCol {
                        put(r, c, text, attrs, pair, &wbuf)
                    } else {
                        // The terminal disagrees on the width (or the edge cuts it): keep columns aligned.
                        put(r, c, base == 1 ? text : "?", attrs, pair, &wbuf)
                        if c + 1 < lastCol { put(r, c + 1, " ", attrs, pair, &wbuf) }
                    }
                    c += 2
                } else {
                    put(r, c, base == 1 ? text : "?", attrs, pair, &wbuf)
                    c += 1
                }
            }
        }
        wrefresh(window)
    }

    private func put(_ r: Int, _ c: Int, _ text: String, _ attrs: attr_t, _ pair: Int16, _ wbuf: inout [wchar_t]) {
        var n = 0
        for s in text.unicodeScalars {
            if n == 5 { break }
            wbuf[n] = wchar_t(bitPattern: s.value)
            n += 1
        }
        if n == 0 { wbuf[0] = 0x20; n = 1 }
        wbuf[n] = 0
        wbuf.withUnsafeBufferPointer { p in
            _ = motcua_put_cell(Int32(r), Int32(c), p.baseAddress, attrs, pair)
        }
    }

    private func attributes(for style: CellStyle) -> (attr_t, Int16) {
        var a = motcua_a_normal()
        let eff = style.effectiveAttributes(hasColor: hasColor)
        if eff.contains(.bold) { a |= motcua_a_bold() }
        if eff.contains(.reverse) { a |= motcua_a_reverse() }
        if eff.contains(.underline) { a |= motcua_a_underline() }
        if eff.contains(.dim) || (hasColor && style.role == .muted) { a |= motcua_a_dim() }
        if hasColor, style.role == .header { a |= motcua_a_bold() }
        let pair = hasColor ? (NcursesTerminal.pairs[style.role] ?? 0) : 0
        return (a, pair)
    }

    public func readKey(timeoutMs: Int) -> Key? { readKey(timeoutMs: timeoutMs, countingErrors: true) }

    /// Waits in poll(2) on stdin and `descriptor` together, so an idle screen sleeps in the
    /// kernel until a key or a change. ncurses may already hold a key (pushed back after Esc)
    /// that poll cannot see: it is asked first, without waiting. Signals (SIGWINCH) end the
    /// wait early; ncurses then reports the new size as a key.
    public func readKey(timeoutMs: Int, wakeOn descriptor: Int32?) -> Key? {
        guard let descriptor, !isClosed else { return readKey(timeoutMs: timeoutMs) }
        if let key = readKey(timeoutMs: 0, countingErrors: false) { return key }
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        let started = ContinuousClock.now
        let rc = poll(&fds, nfds_t(fds.count), Int32(clamping: timeoutMs < 0 ? -1 : timeoutMs))
        if rc < 0 { return readKey(timeoutMs: 0, countingErrors: false) }
        if fds[0].revents != 0 {
            // Input (or end of file: the normal path counts the fast errors and gives up).
            let spent = Int((ContinuousClock.now - started) / .milliseconds(1))
            return readKey(timeoutMs: max(25, timeoutMs - spent), countingErrors: true)
        }
        // A change or the timeout: the caller checks the store.
        return motcua_check_resize() != 0 ? .resize : nil
    }

    public func bell() {
        guard !isClosed else { return }
        beep()
    }

    private func readKey(timeoutMs: Int, countingErrors: Bool) -> Key? {
        guard !isClosed else { return nil }
        if let key = pendingKey {
            pendingKey = nil
            return key
        }
        wtimeout(window, Int32(clamping: timeoutMs < 0 ? -1 : timeoutMs))
        let started = ContinuousClock.now
        var ch: wint_t = 0
        let rc = wget_wch(window, &ch)
        if rc == ERR {
            // ERR long before the timeout, again and again, means stdin is gone (EOF):
            // report closed instead of spinning.
            if !countingErrors {
                // A look without waiting: ERR only says no key is held.
            } else if timeoutMs > 20, ContinuousClock.now - started < .milliseconds(timeoutMs / 4) {
                fastErrors += 1
                if fastErrors >= 100 { stdinGone = true }
            } else {
                fastErrors = 0
            }
            // A new size the terminal did not signal (SIGWINCH blocked or lost).
            if motcua_check_resize() != 0 { return .resize }
            return nil
        }
        fastErrors = 0
        if rc == KEY_CODE_YES { return NcursesTerminal.keyFromCode(Int32(bitPattern: ch)) }
        let key = NcursesTerminal.keyFromCharacter(UInt32(ch))
        if key == .escape {
            // Alt+x arrives as ESC x: anything already waiting after ESC makes it Meta.
            wtimeout(window, 0)
            var next: wint_t = 0
            let rc2 = wget_wch(window, &next)
            if rc2 == OK, let s = Unicode.Scalar(UInt32(next)), Key.isPrintable(Character(s)) {
                return .meta(Character(s))
            }
            if rc2 == OK {
                unget_wch(wchar_t(bitPattern: UInt32(next)))
            } else if rc2 == KEY_CODE_YES {
                // A function or arrow key cannot be pushed back as a character: keep it here.
                pendingKey = NcursesTerminal.keyFromCode(Int32(bitPattern: next))
            }
        }
        return key
    }

    /// Maps an ncurses key code (`KEY_CODE_YES`) to a Key.
    static func keyFromCode(_ code: Int32) -> Key {
        switch code {
        case KEY_RESIZE: return .resize
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_IC: return .insert
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        default:
            let n = Int(code) - Int(motcua_key_f(0))
            if (1...Key.maxFunctionKey).contains(n) { return .function(n) }
            return .unknown
        }
    }

    /// Maps a character read in raw mode to a Key (control codes become Enter, Tab, C-x …).
    static func keyFromCharacter(_ v: UInt32) -> Key {
        switch v {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(v) + 96)))
        default:
            guard let s = Unicode.Scalar(v) else { return .unknown }
            let ch = Character(s)
            return Key.isPrintable(ch) ? .character(ch) : .unknown
        }
    }

    /// ASCII rendition of a grapheme for a non-UTF-8 terminal: Vietnamese letters lose their
    /// marks, other non-ASCII becomes `?` (`??` for a wide one).
    static func asciiFold(_ text: String, width: Int) -> String {
        if text.allSatisfy(\.isASCII) { return text }
        if let symbol = Symbols.asciiFallback(text) { return symbol }
        switch text.first {
        case "đ": return "d"
        case "Đ": return "D"
        case "—", "–", "−": return "-"
        case "·", "•": return "."
        case "×": return "x"
        case "“", "”", "«", "»": return "\""
        case "‘", "’": return "'"
        default: break
        }
        let folded = VietnameseText.asciiFallback(text)
        if !folded.isEmpty, folded.allSatisfy(\.isASCII) { return String(folded.prefix(max(1, width))) }
        return String(repeating: "?", count: max(1, width))
    }

    private static func environment(_ name: String) -> String? {
        guard let p = getenv(name) else { return nil }
        return String(cString: p)
    }
}
