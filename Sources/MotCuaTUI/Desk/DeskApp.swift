import MotCuaCore

/// The clerk's desk screen: header, the queue, a status line and a key bar.
///
/// The loop reads a key with a timeout (`pollIntervalMs`, ~1 s). A key goes through the keymap
/// (context `queue`, then `global`) to an action; on a timeout, `hasChanged()` (e.g. the store's
/// `PRAGMA data_version` poll) decides whether to reload, so another clerk's new ticket shows
/// within a second; `.resize` redraws. Below 80×24 the screen asks to be enlarged. No key
/// crashes it: unbound keys are ignored.
public final class DeskApp {
    public let terminal: Terminal
    public let language: Language
    public let keymap: Keymap
    /// How long `readKey` waits before polling for changes.
    public var pollIntervalMs = 1000
    /// Current view state (help shown, message, scrolling), readable by tests.
    public private(set) var state = DeskViewState()
    /// The snapshot on screen (nil before the first successful load).
    public private(set) var snapshot: DeskSnapshot?
    /// Number of successful loads (first load included).
    public private(set) var loadCount = 0

    /// The store side of a real desk; nil for the minimal queue view used in rendering tests.
    public let session: DeskSession?
    /// Screens opened over the queue (forms, lists); the last one is on top.
    public private(set) var screens: [Screen] = []
    /// The input method for text fields (Telex by default), cycled by `input.cycle` and shown
    /// in the header.
    public var composer = VietnameseComposer()

    private let load: () -> DeskSnapshot?
    private let hasChanged: () -> Bool
    private let clock: (() -> String)?
    private var running = false
    /// The working desk shows the input method in the header (the minimal view has none).
    private var loadsInputMethod = false
    private var loadFailed = false
    private var needsDraw = true
    private var lastClock = ""
    private var keyBarItems: [(key: String, label: String)]
    private let helpItems: [(keys: String, text: String)]

    /// The keys on the bar, in order.
    public static let keyBarActions: [Action] = [.help, .walkinRegister, .queueCallNext, .quit]
    /// Actions the minimal desk carries out itself (others are shown in help but not yet active).
    public static let handledActions: Set<Action> = [.help, .quit, .cursorUp, .cursorDown, .pageUp, .pageDown, .cursorFirst, .cursorLast]
    /// Bound in the default keymap for screens still to come (appointments, reports, printing);
    /// the working desk's help leaves them out so it lists only what works.
    public static let notYetBuilt: Set<Action> = [.undo, .viewAppointments, .viewReports, .appointmentBook, .appointmentCheckIn,
                                                  .appointmentReschedule, .appointmentCancel, .appointmentNoShow,
                                                  .calendarPrev, .calendarNext, .calendarToday, .calendarWeek,
                                                  .dossierApologize, .dossierPrint]
    /// The key bar of the working desk, in order: what a clerk needs all morning.
    public static let sessionBarActions: [Action] = [.help, .walkinRegister, .dossierReceive, .queueCallNext, .queueRecall,
                                                     .queueDone, .queueNoShow, .viewDossiers, .quit]

    /// - Parameters:
    ///   - load: reads the whole screen's data; nil when it cannot (the last data stays shown
    ///     with a warning, and the next timeout retries).
    ///   - hasChanged: cheap check, called on every timeout, whether to reload.
    ///   - clock: optional; when given, the header's clock shows its value and is refreshed on
    ///     timeouts (otherwise the header's `clock` from the snapshot is shown).
    public init(terminal: Terminal, language: Language = .vi, keymap: Keymap = .standard,
                load: @escaping () -> DeskSnapshot?, hasChanged: @escaping () -> Bool,
                clock: (() -> String)? = nil) {
        self.terminal = terminal
        self.language = language
        self.keymap = keymap
        self.load = load
        self.hasChanged = hasChanged
        self.clock = clock
        self.session = nil
        self.state.terminalLacksUnicode = !terminal.supportsUnicode
        self.keyBarItems = DeskApp.keyBar(keymap, language)
        self.helpItems = keymap.helpEntries(context: .queue, language: language)
    }

    /// The working desk on a store: the queue with its actions, and the screens it opens.
    public init(terminal: Terminal, session: DeskSession, keymap: Keymap = .standard) {
        self.terminal = terminal
        self.language = session.language
        self.keymap = keymap
        self.session = session
        self.clock = nil
        self.load = { session.snapshot() }
        self.loadsInputMethod = true
        self.hasChanged = { session.hasChanged() }
        self.state.terminalLacksUnicode = !terminal.supportsUnicode
        self.keyBarItems = keymap.keyBar(DeskApp.sessionBarActions, context: .queue, language: session.language)
        self.helpItems = keymap.helpEntries(context: .queue, language: session.language, hiding: DeskApp.notYetBuilt)
    }

    /// Shows a message in the status line until the next action (e.g. keymap diagnostics at
    /// start-up).
    public func show(message: String, warning: Bool = false) {
        state.message = message
        state.messageIsWarning = warning
        needsDraw = true
    }

    /// Runs until quit (F10, `q`) or the terminal closes.
    public func run() {
        running = true
        reload()
        while running && !terminal.isClosed {
            if needsDraw { redraw() }
            guard let key = terminal.readKey(timeoutMs: pollIntervalMs) else {
                idle()
                continue
            }
            handle(key)
        }
        running = false
    }

    /// Pure render of the desk for tests and previews.
    public static func render(snapshot: DeskSnapshot?, size: (rows: Int, cols: Int), language: Language,
                              state: DeskViewState = DeskViewState(), keymap: Keymap = .standard) -> CellGrid {
        DeskScreen.render(snapshot: snapshot, rows: size.rows, cols: size.cols, language: language, state: state,
                          keyBar: keyBar(keymap, language), help: keymap.helpEntries(context: .queue, language: language))
    }

    private static func keyBar(_ keymap: Keymap, _ language: Language) -> [(key: String, label: String)] {
        keymap.keyBar(keyBarActions.filter { handledActions.contains($0) }, context: .queue, language: language)
    }

    // MARK: - Loop steps

    public func reload() {
        for screen in screens { screen.refresh(app: self) }
        if var s = load() {
            if loadsInputMethod { s.header.inputMethod = composer.kind.label(language) }
            snapshot = s
            loadCount += 1
            if loadFailed { state.message = nil; state.messageIsWarning = false; loadFailed = false }
        } else {
            state.message = language == .en ? "Cannot read the data — retrying" : "Không đọc được dữ liệu — đang thử lại"
            state.messageIsWarning = true
            loadFailed = true
        }
        needsDraw = true
    }

    private func idle() {
        if hasChanged() || (snapshot == nil) { reload() }
        if let clock, clock() != lastClock { needsDraw = true }
    }

    private func redraw() {
        var shown = snapshot
        if let clock {
            lastClock = clock()
            shown?.header.clock = lastClock
        }
        clampScroll()
        terminal.draw(currentGrid(shown))
        needsDraw = false
    }

    /// The whole screen as it is now: the queue, or the top screen in the same frame.
    public func currentGrid(_ shown: DeskSnapshot? = nil) -> CellGrid {
        let size = terminal.size
        let snap = shown ?? snapshot
        guard let top = screens.last, !state.showHelp,
              size.rows >= DeskScreen.minRows, size.cols >= DeskScreen.minCols else {
            let bar = state.showHelp && session != nil ? helpBar : keyBarItems
            return DeskScreen.render(snapshot: snap, rows: size.rows, cols: size.cols, language: language,
                                     state: state, keyBar: bar, help: currentHelp)
        }
        var g = CellGrid(rows: size.rows, cols: size.cols)
        DeskScreen.renderHeader(into: &g, header: snap?.header, language: language)
        top.render(into: &g, top: 1, bottom: size.rows - 2, app: self)
        DeskScreen.renderStatus(into: &g, snapshot: nil, state: state, language: language)
        DeskScreen.renderKeyBar(into: &g, items: keymap.keyBar(top.barActions, context: top.keyContext, language: language))
        return g
    }

    /// Handles one key (public so a host can feed keys directly).
    public func handle(_ key: Key) {
        needsDraw = true
        if key == .resize { return }
        let tooSmall = terminal.size.rows < DeskScreen.minRows || terminal.size.cols < DeskScreen.minCols
        if state.showHelp, key == .escape || key == .character("q") || key == .function(1) {
            state.showHelp = false
            return
        }
        if state.showHelp, session != nil {
            // While help shows, movement keys scroll it and nothing reaches the screen below.
            switch keymap.action(for: key, in: screens.last?.keyContext ?? .queue) {
            case .cursorDown?: scroll(by: 1)
            case .cursorUp?: scroll(by: -1)
            case .pageDown?: scroll(by: page)
            case .pageUp?: scroll(by: -page)
            case .cursorFirst?: scroll(by: Int.min / 2)
            case .cursorLast?: scroll(by: Int.max / 2)
            case .quit?: state.showHelp = false
            default: break
            }
            return
        }
        if let top = screens.last, !tooSmall {
            // A message belongs to the key that caused it: the next key starts clean.
            if session != nil { state.message = nil; state.messageIsWarning = false }
            handleOnScreen(top, key)
            // A dialog that closed itself may have changed the data the queue shows.
            if screens.isEmpty { reload() }
            return
        }
        guard let action = keymap.action(for: key, in: .queue) else {
            if key == .function(10) { running = false } // F10 always quits, whatever the keymap says
            return
        }
        if tooSmall && action != .quit { return }
        perform(action)
    }

    private func handleOnScreen(_ top: Screen, _ key: Key) {
        if top.handle(key: key, app: self) { return }
        guard let action = keymap.action(for: key, in: top.keyContext) else {
            if key == .function(10) || key == .escape { close(top) }
            return
        }
        if top.perform(action, app: self) { return }
        switch action {
        case .help:
            state.showHelp = true
            state.helpOffset = 0
        case .quit, .formCancel, .viewQueue:
            close(top)
        default:
            if !performGlobal(action) { notAvailable(action) }
        }
    }

    /// Opens a screen over the current one.
    public func push(_ screen: Screen) {
        screens.append(screen)
        needsDraw = true
    }

    /// Closes the top screen if it agrees (a form with typed text asks first).
    public func close(_ screen: Screen) {
        guard screen.shouldClose(app: self) else { return }
        pop(screen)
    }

    /// Closes the screen without asking.
    public func pop(_ screen: Screen) {
        screens.removeAll { $0 === screen }
        needsDraw = true
    }

    /// Replaces the message on the status line.
    public func say(_ text: String, warning: Bool = false) {
        state.message = text
        state.messageIsWarning = warning
        needsDraw = true
    }

    /// Reports an error from the model or the store on the status line.
    public func report(_ error: Error) {
        say(session?.message(for: error) ?? "\(error)", warning: true)
    }

    private func notAvailable(_ action: Action) {
        say(language == .en ? "\(action.label.en): not available here" : "\(action.label.vi): không dùng ở màn hình này")
    }

    /// Telex → VNI → off, and the header says which.
    public func cycleInputMethod() {
        composer.kind = composer.kind.next
        snapshot?.header.inputMethod = composer.kind.label(language)
        say(language == .vi ? "Bộ gõ: \(composer.kind.label(language))" : "Input method: \(composer.kind.label(language))")
    }

    /// Actions that work from any screen of a working desk.
    private func performGlobal(_ action: Action) -> Bool {
        if action == .inputCycle, session != nil {
            cycleInputMethod()
            return true
        }
        guard let session else { return false }
        switch action {
        case .viewDossiers:
            screens.removeAll { $0 is DossierListScreen }
            push(DossierListScreen(session: session))
        case .viewSearch, .searchStart:
            push(SearchScreen(session: session))
        default:
            return false
        }
        return true
    }

    private func perform(_ action: Action) {
        state.message = nil
        state.messageIsWarning = false
        if session != nil, performQueueAction(action) { return }
        if performGlobal(action) { return }
        switch action {
        case .quit:
            running = false
        case .help:
            state.showHelp.toggle()
            state.helpOffset = 0
        case .viewQueue:
            state.showHelp = false // the queue is this screen
        case .cursorDown: scroll(by: 1)
        case .cursorUp: scroll(by: -1)
        case .pageDown: scroll(by: page)
        case .pageUp: scroll(by: -page)
        case .cursorFirst: scroll(by: Int.min / 2)
        case .cursorLast: scroll(by: Int.max / 2)
        default:
            state.message = language == .en
                ? "\(action.label.en): not available yet"
                : "\(action.label.vi): chưa có trong bản này"
        }
    }

    /// The help for the screen on top (the queue's when none).
    private var currentHelp: [(keys: String, text: String)] {
        guard let top = screens.last else { return helpItems }
        return keymap.helpEntries(context: top.keyContext, language: language, hiding: session == nil ? [] : DeskApp.notYetBuilt)
    }

    /// While help shows, the bar says how to move in it and leave it.
    private var helpBar: [(key: String, label: String)] {
        language == .vi ? [("Esc", "Đóng trợ giúp"), ("PgDn", "Trang sau"), ("PgUp", "Trang trước")]
                        : [("Esc", "Close help"), ("PgDn", "Next page"), ("PgUp", "Previous page")]
    }

    private var page: Int {
        DeskScreen.waitingRoom(rows: terminal.size.rows, servingCount: snapshot?.serving.count ?? 0)
    }

    private func scroll(by delta: Int) {
        if state.showHelp {
            state.helpOffset = state.helpOffset.addingReportingOverflow(delta).overflow ? 0 : state.helpOffset + delta
        } else {
            let (v, o) = state.waitingOffset.addingReportingOverflow(delta)
            state.waitingOffset = o ? 0 : v
        }
        clampScroll()
    }

    private func clampScroll() {
        let count = snapshot?.waiting.count ?? 0
        let maxOffset = max(0, count - page)
        state.waitingOffset = min(max(0, state.waitingOffset), maxOffset)
        state.helpOffset = min(max(0, state.helpOffset), max(0, currentHelp.count - 1))
    }
}
