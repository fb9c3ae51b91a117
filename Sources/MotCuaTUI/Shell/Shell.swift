import MotCuaCore

/// The desk's shell: it owns the terminal loop, the change poll, the screen stack, the help
/// overlay, the status line and the key bar; screens live in it and reach it through
/// `ScreenHost`.
///
/// The loop reads a key with a timeout (`pollIntervalMs`, ~1 s), or, with a `changeWake`, waits
/// on a key or a change to the database's files (poll(2) on both), so another process's write
/// wakes it at once and an idle screen sleeps. On a timeout or wake-up, and after every key,
/// `changes()` (the store's change mark) decides whether every open screen reloads. A key goes, in order: to the help page while
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
    /// How long `readKey` waits before polling for changes (without a change watcher).
    public var pollIntervalMs = 1000
    /// The input method is offered (F9, and its name in the header): not on a screen where
    /// nothing is typed (the board).
    public var offersInputMethod = true
    /// Wakes the loop when the database's files change (see `ChangeWake`); nil: poll only.
    public var changeWake: ChangeWake?
    /// Open screens, bottom first; the bottom one is a root view. Never empty once started.
    public internal(set) var screens: [Screen] = []
    /// The status line's message (until the next key), readable by tests.
    public internal(set) var message: String?
    public internal(set) var messageIsWarning = false
    public internal(set) var isShowingHelp = false
    public private(set) var helpOffset = 0
    public internal(set) var isRunning = false
    /// The user asked for text without diacritics (`--ascii`): the status line does not then
    /// warn that the terminal is not UTF-8, which is only news when nobody chose it.
    public var asciiChosen = false
    /// Number of times the screens reloaded after a change (the first load included).
    public private(set) var refreshCount = 0
    /// The last key was bound to an action that nothing on screen carries out (so it did
    /// nothing, silently): for the test that walks every key help lists.
    public private(set) var lastKeyWasInert = false

    let roots: RootViews
    let home: Action
    /// Commands that work from any non-modal screen besides the shell's own (undo on a desk),
    /// registered by whoever builds the shell.
    let commands: [Action: (ScreenHost) -> Void]
    /// Which open screens were opened as a root view, and as which.
    var rootAction: [ObjectIdentifier: Action] = [:]
    private let changes: () -> Bool
    private let loadHeader: () -> DeskHeader?
    var header: DeskHeader?
    var needsDraw = true
    weak var quitDialog: ConfirmScreen?

    /// - Parameters:
    ///   - roots: the views `view.*` switch to; `home` is the first one shown and where
    ///     `view.back` leads from another root view.
    ///   - header: the header's data, read at start and after every change.
    ///   - changes: cheap check, called on every timeout and after every key, whether the data
    ///     changed (it also returns true once a minute so the clock moves).
    public init(terminal: Terminal, language: Language, keymap: Keymap = .standard, roots: RootViews, home: Action,
                header: @escaping () -> DeskHeader? = { nil }, changes: @escaping () -> Bool = { false },
                commands: [Action: (ScreenHost) -> Void] = [:]) {
        self.commands = commands
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
            guard let key = terminal.readKey(timeoutMs: changeWake?.timeoutMs() ?? pollIntervalMs,
                                             wakeOn: changeWake?.fileDescriptor) else {
                changeWake?.woke()
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

    var isTooSmall: Bool {
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
        var a: Set<Action> = offersInputMethod ? [.help, .quit, .inputCycle] : [.help, .quit]
        guard !screen.isModal else { return a }
        a.formUnion(roots.actions)
        a.formUnion(Set(commands.keys).subtracting(screen.withheldCommands))
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
            if let command = commands[action] { command(self) } else { showRoot(action) }
        }
    }

    /// The keys that scroll the help page for a movement action: the plain key always (the
    /// help is its own page, whatever the screen binds PgDn to: next week on Lịch hẹn), then
    /// the context's own bindings of the action.
    static func helpScrollKeys(_ action: Action, keymap: Keymap, context: KeyContext) -> [Key] {
        let plain: [Action: Key] = [.pageDown: .pageDown, .pageUp: .pageUp, .cursorDown: .down, .cursorUp: .up,
                                    .cursorFirst: .home, .cursorLast: .end]
        return (plain[action].map { [$0] } ?? []) + keymap.keys(for: action, in: context).filter { $0 != plain[action] }
    }

    private func handleHelp(_ key: Key, context: KeyContext) {
        let plain: [Key: Action] = [.pageDown: .pageDown, .pageUp: .pageUp, .down: .cursorDown, .up: .cursorUp,
                                    .home: .cursorFirst, .end: .cursorLast]
        let action = plain[key] ?? keymap.action(for: key, in: context)
        switch action {
        case .cursorDown?: scrollHelp(by: 1)
        case .cursorUp?: scrollHelp(by: -1)
        case .pageDown?: scrollHelp(by: HelpOverlay.room(rows: size.rows) - 1)
        case .pageUp?: scrollHelp(by: -(HelpOverlay.room(rows: size.rows) - 1))
        case .cursorFirst?: helpOffset = 0
        case .cursorLast?: scrollHelp(by: Int.max / 2)
        case .help?, .viewBack?, .formCancel?: isShowingHelp = false
        case .quit?:
            // The help lists quit's keys as "Thoát chương trình": they quit from the help too (on
            // the desk and the board alike), asking first when a form has typed text.
            isShowingHelp = false
            requestQuit()
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

}
