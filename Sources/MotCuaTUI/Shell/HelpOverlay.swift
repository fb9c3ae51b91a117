import MotCuaCore

/// The help page (F1) for the screen on top: every action that is both bound in the keymap and
/// implemented there (by the screen or the shell), grouped as in `ActionGroup`, with the keys
/// spelled for people (`Alt+3`, `Ctrl+T`, `Shift+Tab`) and one line saying how keymap files
/// spell them. It scrolls with the movement keys.
enum HelpOverlay {
    struct Entry: Hashable {
        var keys: String
        var text: String
    }

    /// The help entries for `context`, limited to `actions`; `text` gives a screen's own wording.
    static func entries(keymap: Keymap, context: KeyContext, actions: Set<Action>, language: Language,
                        text: (Action) -> ActionText? = { _ in nil }) -> [Entry] {
        var out: [Entry] = []
        for group in ActionGroup.allCases {
            for action in Action.allCases where action.group == group && actions.contains(action) {
                let keys = keymap.keys(for: action, in: context)
                guard !keys.isEmpty else { continue }
                out.append(Entry(keys: keys.map { spoken($0, language) }.joined(separator: ", "),
                                 text: (text(action)?.help ?? action.helpLine).text(language)))
            }
        }
        return out
    }

    /// A key as a person reads it: `M-3` → `Alt+3`, `C-t` → `Ctrl+T`, `BackTab` → `Shift+Tab`.
    static func spoken(_ key: Key, _ language: Language) -> String {
        switch key {
        case .meta(" "): return "Alt+Space"
        case .meta(let c): return "Alt+\(c)"
        case .ctrl(let c): return "Ctrl+\(c.uppercased())"
        case .backTab: return "Shift+Tab"
        case .character(" "): return language == .en ? "Space" : "Dấu cách"
        default: return key.name
        }
    }

    /// How keymap files spell the modifier keys.
    static func legend(_ language: Language) -> String {
        language == .en ? "In keymap files: Alt+x is M-x, Ctrl+x is C-x, Shift+Tab is BackTab"
                        : "Trong tệp keymap: Alt+x viết là M-x, Ctrl+x là C-x, Shift+Tab là BackTab"
    }

    /// Lines the page can show between the title and the status line of a `rows`-row screen.
    static func room(rows: Int) -> Int { max(1, rows - 2 - 4) }

    /// `pageKey` names the key that shows the next page (nil when none is bound).
    static func render(into g: inout CellGrid, title: String, entries: [Entry], offset: Int, language: Language,
                       symbols: Symbols, pageKey: String?) {
        let bottom = g.rows - 2
        g.put(row: 1, col: 1, text: CellWidth.truncate(
            (language == .en ? "Help — \(title) (Esc closes)" : "Trợ giúp — \(title) (Esc để đóng)"), toCells: g.cols - 2),
              style: CellStyle(.bold))
        g.put(row: 2, col: 1, text: CellWidth.truncate(legend(language), toCells: g.cols - 2), style: CellStyle(.dim, role: .muted))
        var row = 4
        let keyWidth = min(24, max(8, entries.map { CellWidth.of($0.keys) }.max() ?? 8))
        let start = min(max(0, offset), max(0, entries.count - 1))
        let room = bottom - row
        guard room > 0 else { return }
        let more = entries.count - start > room
        for item in entries.dropFirst(start).prefix(more ? room - 1 : room) {
            g.put(row: row, col: 2, text: CellWidth.fit(item.keys, toCells: keyWidth), style: CellStyle(.bold))
            g.put(row: row, col: 3 + keyWidth, text: CellWidth.truncate(item.text, toCells: g.cols - 4 - keyWidth))
            row += 1
        }
        if more {
            let left = entries.count - start - (room - 1)
            let key = pageKey.map { language == .en ? " \(symbols.dash) \($0) to scroll" : " \(symbols.dash) \($0) để cuộn" } ?? ""
            g.put(row: row, col: 2, text: language == .en ? "\(symbols.down) \(left) more\(key)" : "\(symbols.down) còn \(left) dòng\(key)",
                  style: CellStyle(.bold, role: .muted))
        }
    }
}
