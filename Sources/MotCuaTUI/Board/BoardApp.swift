import MotCuaCore

/// The supervisor's board: a `Shell` with one root view (the board), its lists opened over it,
/// the header of a read-only session and its change wake-up. Nothing on it writes.
public enum BoardApp {
    public static func make(terminal: Terminal, session: BoardSession, keymap: Keymap = .standard) -> Shell {
        var roots = RootViews()
        roots.register(.viewBoard) { BoardScreen(session: session) }
        // The same month's statistics as the desk's M-5 (read-only, like the board).
        roots.register(.viewReports) { ReportsScreen(session: session, leave: .viewBack) }
        let shell = Shell(terminal: terminal, language: session.language, keymap: keymap, roots: roots, home: .viewBoard,
                          header: { session.header() }, changes: { session.takeChange() })
        shell.offersInputMethod = false
        shell.start()
        return shell
    }

    /// What the shell carries out on the board: help, quit, back, and the board's root (no
    /// input method: nothing is typed here).
    static let shellGlobals: Set<Action> = [.help, .quit, .viewBack, .viewBoard, .viewReports]

    /// What works in the board's context (for `motcua keys` and the help test).
    public static var implementedActions: Set<Action> {
        BoardScreen.actions.union(BoardListScreen.actions).union(ReportsScreen.actions).union(shellGlobals)
    }

    /// The board's wording of an action, for `motcua keys`.
    public static func helpLine(for action: Action) -> Localized? { BoardScreen.text(for: action)?.help }
}
