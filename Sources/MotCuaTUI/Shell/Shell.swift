import MotCuaCore

/// The desk's shell: it owns the terminal loop, the change poll, the screen stack, the help
/// overlay, the status line and the key bar; screens live in it and reach it through
/// `ScreenHost`.
///
/// The loop reads a key with a timeout (`pollIntervalMs`, ~1 s). On a timeout, and after every
/// key, `changes()` (the store's change mark) decides whether every open screen reloads, so
/// another counter's ticket shows within a second. A key goes, in order: to the help page while
/// it shows; to the top screen when it is typed text and the screen takes text; through the
/// keymap (the screen's context, then `global`) to an action the screen implements, else to the
/// shell's own globals; else, unbound, to the screen (its unbound keys, e.g. filter digits).
/// Below 80×24 the page asks to be enlarged and only quit works. No key crashes it.
public final class Shell: ScreenHost {
    public let terminal: Terminal
    public let language: Language
    public let keymap: Keymap
    public var composer = VietnameseComposer()
    public let symbols: Symbols
    /// How long `readKey` waits before polling for changes.
    public var pollIntervalMs = 1000
    /// Open screens, bottom first; the bottom one is a root view. Never empty once started.
    public private(set) var screens: [Screen] = []
    /// The status line's message (until the next key), readable by tests.
    public private(set) var message: String?
    public private(set) var messageIsWarning = false
    public private(set) var isShowingHelp = false
    public private(set) var helpOffset = 0
    public private(set) var isRunning = false
    /// Number of times the screens reloaded after a change (the first load included).
    public private(set) var refreshCount = 0
    /// The last key was bound to an action that nothing on screen carries out (so it did
    /// nothing, silently): for the test that walks every key help lists.
    public private(set) var lastKeyWasInert = false

    private let roots: RootViews
    private let home: Action
    /// Which open screens were opened as a root view, and as which.
    private var rootAction: [ObjectIdentifier: Action] = [:]
    private let changes: () -> Bool
    private let loadHeader: () -> DeskHeader?
    private var header: DeskHeader?
    private var needsDraw = true
    private weak var quitDialog: ConfirmScreen?

    /// - Parameters:
    ///   - roots: the views `view.*` switch to; `home` is the first one shown and where
    ///     `view.back` leads from another root view.
    ///   - header: the header's data, read at start and after every change.
    ///   - changes: cheap check, called on every timeout and after every key, whether the data
    ///     changed (it also returns true once a minute so the clock moves).
    public init(terminal: Terminal, language: Language, keymap: Keymap = .standard, roots: RootViews, home: Action,
                header: @escaping () -> DeskHeader? = { nil }, changes: @escaping () -> Bool = { false }) {
        self.terminal = terminal
        self.language = language
        self.keymap = keymap
        self.roots = roots
        self.home = home
        self.loadHeader = header
        self.changes = changes
        self.symbols = Symbols.forTerminal(supportsUnicode: terminal.supportsUnicode)
    }

    public var size: (rows: Int, cols: Int) { terminal.size }
    public var top: Screen? { screens.last }

    // MARK: - Loop

    /// Shows the home view (when nothing is open yet) and loads the header.
    public func start() {
        if screens.isEmpty { showRoot(home) }
        _ = changes() // what is loaded now is current: only later writes count as changes
        header = loadHeader()
        refreshCount += 1
        needsDraw = true
    }

    /// Runs until quit or the terminal closes.
    public func run() {
        isRunning = true
        start()
        while isRunning && !terminal.isClosed {
            if needsDraw { draw() }
            guard let key = terminal.readKey(timeoutMs: pollIntervalMs) else {
                pollChanges()
                continue
            }
            handle(key)
        }
        isRunning = false
    }

    /// Every open screen reloads (another counter wrote, or a minute passed).
    public func refresh() {
        header = loadHeader()
        for s in screens { s.refresh(host: self) }
        refreshCount += 1
        needsDraw = true
    }

    private func pollChanges() {
        if changes() { refresh() }
    }

    private func draw() {
        terminal.draw(currentGrid())
        needsDraw = false
    }

    private var isTooSmall: Bool {
        terminal.size.rows < ShellChrome.minRows || terminal.size.cols < ShellChrome.minCols
    }

    // MARK: - Keys

    /// Handles one key (public so tests and hosts can feed keys directly).
    public func handle(_ key: Key) {
        needsDraw = true
        if screens.isEmpty { start() }
        if key == .resize { return }
        guard let top = screens.last else { return }
        if isTooSmall {
            // Only quit works on the "too small" page; it still asks when a form has typed text
            // (the question shows once the window is large enough, and quit again answers yes).
            if keymap.action(for: key, in: top.keyContext) == .quit || key == .function(10) { requestQuit() }
            return
        }
        if isShowingHelp {
            handleHelp(key, context: top.keyContext)
            return
        }
        // A message belongs to the key that caused it: the next key starts clean.
        message = nil
        messageIsWarning = false
        lastKeyWasInert = false
        defer { pollChanges() }
        if top.acceptsText, key.isTextEditing, top.handle(key: key, host: self) { return }
        if let action = keymap.action(for: key, in: top.keyContext) {
            dispatch(action, on: top)
        } else if top.handle(key: key, host: self) {
            return
        } else if key == .function(10) {
            // A keymap that forgot quit must not lock the clerk in.
            requestQuit()
        }
    }

    private func dispatch(_ action: Action, on top: Screen) {
        if top.implementedActions.contains(action), top.perform(action, host: self) { return }
        if globals(for: top).contains(action) {
            performGlobal(action, on: top)
            return
        }
        // Bound but not carried out here (undo and the views not built yet, PgDn in a form
        // without a list, Esc on the home view): inert. Help and the key bar never list such
        // a key, so nothing promised it.
        lastKeyWasInert = true
    }

    /// The actions the shell carries out on top of `screen`.
    func globals(for screen: Screen) -> Set<Action> {
        var a: Set<Action> = [.help, .quit, .inputCycle]
        guard !screen.isModal else { return a }
        a.formUnion(roots.actions)
        if screens.count > 1 || rootAction[ObjectIdentifier(screen)] != home { a.insert(.viewBack) }
        return a
    }

    /// What works on `screen` now: its own actions and the shell's.
    func available(on screen: Screen) -> Set<Action> { screen.implementedActions.union(globals(for: screen)) }

    private func performGlobal(_ action: Action, on top: Screen) {
        switch action {
        case .help:
            isShowingHelp = true
            helpOffset = 0
        case .quit:
            requestQuit()
        case .inputCycle:
            composer.kind = composer.kind.next
            say(language == .vi ? "Bộ gõ: \(composer.kind.label(language))" : "Input method: \(composer.kind.label(language))")
        case .viewBack:
            if screens.count > 1 { pop(top) } else { showRoot(home) }
        default:
            showRoot(action)
        }
    }

    private func handleHelp(_ key: Key, context: KeyContext) {
        let action = keymap.action(for: key, in: context)
        switch action {
        case .cursorDown?: scrollHelp(by: 1)
        case .cursorUp?: scrollHelp(by: -1)
        case .pageDown?: scrollHelp(by: HelpOverlay.room(rows: size.rows) - 1)
        case .pageUp?: scrollHelp(by: -(HelpOverlay.room(rows: size.rows) - 1))
        case .cursorFirst?: helpOffset = 0
        case .cursorLast?: scrollHelp(by: Int.max / 2)
        case .help?, .quit?, .viewBack?, .formCancel?: isShowingHelp = false
        default:
            // Nothing reaches the screen below while help shows; Esc and q always close it.
            if key == .escape || key == .character("q") { isShowingHelp = false }
        }
    }

    private func scrollHelp(by delta: Int) {
        let count = top.map { helpEntries(for: $0).count } ?? 0
        let (v, overflow) = helpOffset.addingReportingOverflow(delta)
        helpOffset = min(max(0, overflow ? (delta < 0 ? 0 : Int.max / 2) : v), max(0, count - 1))
    }

    // MARK: - Quitting

    /// Quits, asking first when a form has typed text (default No: the text would be lost).
    /// Asked again while the question shows, quit means yes.
    public func requestQuit() {
        if let dialog = quitDialog, screens.last === dialog { isRunning = false; return }
        guard screens.contains(where: \.hasUnsavedInput) else { isRunning = false; return }
        let dialog = ConfirmScreen(YesNoQuestion(
            title: language == .en ? "Quit" : "Thoát",
            message: language == .en ? "Quit the program? What was typed in the form will be lost."
                                     : "Thoát chương trình? Những gì đang nhập trong biểu mẫu sẽ mất.",
            defaultYes: false, under: screens.last, onYes: { host in (host as? Shell)?.isRunning = false }))
        quitDialog = dialog
        push(dialog)
    }

    /// Stops the loop after the current key (for hosts and tests).
    public func stop() { isRunning = false }

    /// Back to `view` alone, without asking, help and message closed (for tests that start each
    /// step from a known screen).
    func reset(to view: Action) {
        screens = []
        rootAction = [:]
        switchRoot(view, keep: nil)
        message = nil
    }

    // MARK: - ScreenHost

    public func push(_ screen: Screen) {
        screens.append(screen)
        needsDraw = true
    }

    public func pop(_ screen: Screen) {
        guard let i = screens.lastIndex(where: { $0 === screen }) else { return }
        for s in screens[i...] { rootAction[ObjectIdentifier(s)] = nil }
        screens.removeSubrange(i...)
        if screens.isEmpty { showRoot(home) }
        needsDraw = true
    }

    public func replace(_ old: Screen, with new: Screen) {
        guard let i = screens.lastIndex(where: { $0 === old }) else { push(new); return }
        for s in screens[i...] { rootAction[ObjectIdentifier(s)] = nil }
        screens.removeSubrange(i...)
        screens.append(new)
        needsDraw = true
    }

    /// A root view already open is brought back with its state (screens over it close);
    /// otherwise it replaces the whole stack. Screens that would close with typed text in them
    /// ask first.
    @discardableResult
    public func showRoot(_ view: Action) -> Bool {
        guard roots.actions.contains(view) else { return false }
        let keep = screens.firstIndex { rootAction[ObjectIdentifier($0)] == view }
        let closing = keep.map { Array(screens[($0 + 1)...]) } ?? screens
        if closing.contains(where: \.hasUnsavedInput) {
            confirm(YesNoQuestion(
                title: language == .en ? "Leave the form" : "Rời biểu mẫu",
                message: language == .en ? "Close the form? What was typed will be lost." : "Đóng biểu mẫu? Những gì đã nhập sẽ mất.",
                defaultYes: false, under: screens.last,
                onYes: { host in (host as? Shell)?.switchRoot(view, keep: keep) }))
            return true
        }
        switchRoot(view, keep: keep)
        return true
    }

    private func switchRoot(_ view: Action, keep: Int?) {
        if let keep, keep < screens.count, rootAction[ObjectIdentifier(screens[keep])] == view {
            for s in screens[(keep + 1)...] { rootAction[ObjectIdentifier(s)] = nil }
            screens.removeSubrange((keep + 1)...)
        } else if let screen = roots.make(view) {
            screens = [screen]
            rootAction = [ObjectIdentifier(screen): view]
        }
        isShowingHelp = false
        needsDraw = true
    }

    public func say(_ text: String, warning: Bool) {
        message = text.isEmpty ? nil : text
        messageIsWarning = warning
        needsDraw = true
    }

    public func report(_ error: Error) {
        say(ErrorText.message(for: error, language: language), warning: true)
    }

    public func confirm(_ question: YesNoQuestion) {
        push(ConfirmScreen(question))
    }

    public func keys(for action: Action, in context: KeyContext) -> [Key] {
        keymap.keys(for: action, in: context)
    }

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
        if let k = keymap.keys(for: .pageDown, in: ctx).first { items.append((k.name, en ? "Next page" : "Trang sau")) }
        if let k = keymap.keys(for: .pageUp, in: ctx).first { items.append((k.name, en ? "Previous page" : "Trang trước")) }
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
        shown?.inputMethod = composer.kind.label(language)
        ShellChrome.renderHeader(into: &g, header: shown, language: language, symbols: symbols)
        guard let top = screens.last else { return g }
        if isShowingHelp {
            HelpOverlay.render(into: &g, title: top.keyContext.title.text(language), entries: helpEntries(for: top),
                               offset: helpOffset, language: language, symbols: symbols)
        } else {
            top.render(into: &g, top: 1, bottom: rows - 2, host: self)
        }
        if let message {
            ShellChrome.renderStatus(into: &g, text: message, style: messageIsWarning ? CellStyle(.bold, role: .warning) : .plain)
        } else if !terminal.supportsUnicode {
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
