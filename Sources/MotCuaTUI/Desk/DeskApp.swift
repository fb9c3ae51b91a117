import MotCuaCore

/// The clerk's desk: a `Shell` with the desk's root views registered (the queue first, the
/// dossier register, the search), the header and the change poll of one counter's session.
public enum DeskApp {
    /// The desk's root views, in one table.
    static func roots(_ session: DeskSession) -> RootViews {
        var roots = RootViews()
        roots.register(.viewQueue) { QueueScreen(session: session) }
        roots.register(.viewAppointments) { AppointmentsScreen(session: session) }
        roots.register(.viewDossiers) { DossierListScreen(session: session) }
        roots.register(.viewSearch) { SearchScreen(session: session) }
        roots.register(.viewReports) { ReportsScreen(session: session) }
        return roots
    }

    /// A shell for `session` on `terminal`, showing the queue. With `askClerk`, when the desk
    /// profile lists its clerks, the desk first asks which one is at the counter.
    public static func make(terminal: Terminal, session: DeskSession, keymap: Keymap = .standard, askClerk: Bool = false) -> Shell {
        let shell = Shell(terminal: terminal, language: session.language, keymap: keymap, roots: roots(session), home: .viewQueue,
                          header: { session.header() }, changes: { session.takeChange() }, commands: commands(session))
        shell.start()
        if let note = morningNote(session.workload(), language: session.language, keymap: keymap) { shell.say(note.text, warning: note.warning) }
        if askClerk {
            do {
                let clerks = try session.profile().clerks
                if !clerks.isEmpty { shell.push(ClerkChoiceScreen(clerks: clerks, session: session)) }
            } catch { shell.report(error) }
        }
        return shell
    }

    /// What the desk says as it opens when dossiers fall due today or are late, and where to
    /// see them (the register's key and its filter digits); nil when there are none. The
    /// header keeps the counts after the next key.
    static func morningNote(_ workload: DeskWorkload, language: Language, keymap: Keymap) -> StatusNote? {
        guard case .counts(let due, let late) = workload, due + late > 0 else { return nil }
        let en = language == .en
        let key = keymap.keys(for: .viewDossiers, in: .queue).first?.name
        var parts: [String] = []
        if late > 0 { parts.append(en ? "\(late) dossier\(late == 1 ? "" : "s") overdue" : "\(late) hồ sơ quá hạn") }
        if due > 0 { parts.append(en ? "\(due) due today" : "\(due) hồ sơ đến hạn trả hôm nay") }
        // The register's filters: 4 overdue, 3 due today (its own digits, numbered on screen).
        let digit = late > 0 ? "4" : "3"
        let see = key.map { en ? " — \($0) then \(digit) to see them" : " — \($0) rồi \(digit) để xem" } ?? ""
        return StatusNote((en ? "Today: " : "Hôm nay: ") + parts.joined(separator: ", ") + see, warning: late > 0)
    }

    /// Commands that work from every screen of a desk: undo (C-z) takes back this clerk's last
    /// change of today, whatever screen made it, and says what it undid or why it cannot.
    static func commands(_ session: DeskSession) -> [Action: (ScreenHost) -> Void] {
        [.undo: { host in
            do {
                host.say(try session.undo().message.text(host.language))
            } catch {
                host.report(error)
            }
        }]
    }

    /// The actions shell globals carry out on a desk (help, quit, input method, back, the root
    /// views, undo).
    static let shellGlobals: Set<Action> = [.help, .quit, .inputCycle, .viewBack, .viewQueue, .viewAppointments, .viewDossiers,
                                                .viewSearch, .viewReports, .undo]

    /// What works in each keymap context of the desk, from the screens' own declarations: what
    /// `motcua keys` lists (a binding to anything else would be a key that does nothing).
    public static func implementedActions(in context: KeyContext) -> Set<Action> {
        let own: Set<Action>
        switch context {
        case .queue: own = QueueScreen.actions
        case .dossiers: own = DossierListScreen.listActions.union(DossierDetailScreen.actions)
        case .appointments: own = AppointmentsScreen.actions
        case .waitlist: own = WaitlistScreen.actions
        case .reports: own = ReportsScreen.actions
        case .search: own = SearchScreen.actions.union(DossierListScreen.typingActions)
        case .form: own = FormScreen.editing.union(FormScreen.printableResultActions).union(PromptScreen.actions).union(ConfirmScreen.actions)
            .union(TextPanelScreen.actions).union(SlipPreviewScreen.actions).union(SlipFormChoiceScreen.actions)
        case .global:
            // A global binding works wherever some screen implements its action.
            own = KeyContext.allCases.filter { $0 != .global }.reduce(into: Set<Action>()) { $0.formUnion(implementedActions(in: $1)) }
        case .board:
            // The board is its own program (`motcua board`): its own shell, not the desk's globals.
            return BoardApp.implementedActions
        }
        return own.union(shellGlobals)
    }

    /// What `action` means in `context` when the screens there word it differently from the
    /// action table (Enter in the search box opens a result), for `motcua keys`.
    public static func helpLine(for action: Action, in context: KeyContext) -> Localized? {
        let text: ActionText? = switch context {
        case .queue: QueueScreen.text(for: action)
        case .search: SearchScreen.text(for: action)
        case .dossiers: DossierListScreen.text(for: action)
        case .appointments: AppointmentsScreen.text(for: action)
        case .waitlist: WaitlistScreen.text(for: action)
        case .reports: ReportsScreen.text(for: action)
        case .form: FormScreen.editingText(for: action)
        case .board: BoardScreen.text(for: action)
        default: nil
        }
        return text?.help
    }
}
