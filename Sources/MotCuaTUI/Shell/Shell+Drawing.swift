import MotCuaCore

/// The whole screen from the shell's state: header, the top screen or help, status line, key bar.
extension Shell {
    // MARK: - Drawing

    /// The help entries for `screen`: bound and available there.
    func helpEntries(for screen: Screen) -> [HelpOverlay.Entry] {
        HelpOverlay.entries(keymap: keymap, context: screen.keyContext, actions: available(on: screen),
                            language: language, text: { screen.text(for: $0) })
    }

    /// The key bar for `screen`: its bar actions that are bound and available.
    func keyBar(for screen: Screen) -> [(key: String, label: String)] {
        let available = available(on: screen)
        return screen.barActions.compactMap { a in
            let keys = keymap.keys(for: a, in: screen.keyContext)
            let text = screen.text(for: a)
            guard available.contains(a), let key = text?.barKey.flatMap({ keys.contains($0) ? $0 : nil }) ?? keys.first else { return nil }
            return (key: key.name, label: (text?.label ?? a.label).text(language))
        }
    }

    private var helpBar: [(key: String, label: String)] {
        let ctx = top?.keyContext ?? .global
        let en = language == .en
        var items: [(key: String, label: String)] = [("Esc", en ? "Close help" : "Đóng trợ giúp")]
        // PgDn/PgUp page the help whatever the screen binds them to (see `handleHelp`).
        let down = Shell.helpScrollKeys(.pageDown, keymap: keymap, context: ctx).first ?? .pageDown
        let up = Shell.helpScrollKeys(.pageUp, keymap: keymap, context: ctx).first ?? .pageUp
        items.append((down.name, en ? "Next page" : "Trang sau"))
        items.append((up.name, en ? "Previous page" : "Trang trước"))
        return items
    }

    /// The whole screen as it is now.
    public func currentGrid() -> CellGrid {
        let (rows, cols) = terminal.size
        var g = CellGrid(rows: rows, cols: cols)
        guard !isTooSmall else {
            ShellChrome.renderTooSmall(into: &g, language: language)
            return g
        }
        var shown = header
        if offersInputMethod { shown?.inputMethod = composer.kind.label(language) }
        ShellChrome.renderHeader(into: &g, header: shown, language: language, symbols: symbols)
        guard let top = screens.last else { return g }
        if isShowingHelp {
            HelpOverlay.render(into: &g, title: top.keyContext.title.text(language), entries: helpEntries(for: top),
                               offset: helpOffset, language: language, symbols: symbols,
                               pageKey: [Key.pageDown, Key.pageUp].map(\.name).joined(separator: "/"))
        } else {
            top.render(into: &g, top: 1, bottom: rows - 2, host: self)
        }
        if let message {
            ShellChrome.renderStatus(into: &g, text: message, style: messageIsWarning ? CellStyle(.bold, role: .warning) : .plain)
        } else if !terminal.supportsUnicode && !asciiChosen {
            ShellChrome.renderStatus(into: &g, text: language == .en ? "The terminal is not UTF-8: text is shown without diacritics"
                                                                     : "Terminal không dùng UTF-8: chữ hiển thị không dấu",
                                     style: CellStyle(.bold, role: .warning))
        } else if !isShowingHelp, let note = top.statusNote(host: self) {
            ShellChrome.renderStatus(into: &g, text: note.text,
                                     style: note.warning ? CellStyle(.bold, role: .warning) : CellStyle(.dim, role: .muted))
        }
        ShellChrome.renderKeyBar(into: &g, items: isShowingHelp ? helpBar : keyBar(for: top))
        return g
    }
}
