import MotCuaCore

/// A screen hosted by the shell (the queue, a form, the register, a dialog). tig style: a screen
/// declares the actions it implements and handles them; the shell handles its own globals (help,
/// quit, input method, the root views, back) and everything else is inert. The key bar, help
/// and `motcua keys` show only what is both bound and implemented, so they cannot promise a key
/// that answers "not available". Screens draw between the header (row 0) and the status line
/// and key bar (last 2 rows).
public protocol Screen: AnyObject {
    /// The keymap context looked up first for this screen (then `global`).
    var keyContext: KeyContext { get }
    /// The actions this screen carries out itself (the shell adds its globals).
    var implementedActions: Set<Action> { get }
    /// Actions on the key bar, in order (those not bound or not implemented are left out).
    var barActions: [Action] { get }
    /// True while typed text belongs to the screen: printable characters and the editing keys
    /// (Backspace, Del, Left, Right, Home, End) go to `handle(key:)` before the keymap.
    var acceptsText: Bool { get }
    /// A dialog: the root views cannot be switched under it.
    var isModal: Bool { get }
    /// Shell commands that must not act on this screen (undo on a read-only view, where it
    /// would change data the clerk is not looking at): not carried out, not in the help.
    var withheldCommands: Set<Action> { get }
    /// Something typed would be lost if the program quit now (quit asks first).
    var hasUnsavedInput: Bool { get }
    /// A key the keymap does not dispatch: typed text (when `acceptsText`), or a key left
    /// unbound in the screen's context (the register's filter digits). True when used.
    func handle(key: Key, host: ScreenHost) -> Bool
    /// An action from the keymap: true when handled (false passes it to the shell).
    func perform(_ action: Action, host: ScreenHost) -> Bool
    /// Draws rows `top..<bottom` of the grid.
    func render(into g: inout CellGrid, top: Int, bottom: Int, host: ScreenHost)
    /// The data changed (another counter, or this one): reload what is shown.
    func refresh(host: ScreenHost)
    /// What an action means on this screen when it differs from the action table (Enter in the
    /// search box opens a result, it does not save a form).
    func text(for action: Action) -> ActionText?
    /// A note for the status line when there is no message (the queue's long waits).
    func statusNote(host: ScreenHost) -> StatusNote?
}

extension Screen {
    public var acceptsText: Bool { false }
    public var isModal: Bool { false }
    public var withheldCommands: Set<Action> { [] }
    public var hasUnsavedInput: Bool { false }
    public func handle(key: Key, host: ScreenHost) -> Bool { false }
    public func refresh(host: ScreenHost) {}
    public func text(for action: Action) -> ActionText? { nil }
    public func statusNote(host: ScreenHost) -> StatusNote? { nil }
}

/// A screen's own wording for an action: the key-bar label and the help line, and which of its
/// keys the bar should show when it is bound (Enter on a result panel rather than F2).
public struct ActionText: Hashable, Sendable {
    public let label: Localized
    public let help: Localized
    public let barKey: Key?
    public init(label: Localized, help: Localized, barKey: Key? = nil) { self.label = label; self.help = help; self.barKey = barKey }
    public init(vi labelVi: String, _ helpVi: String, en labelEn: String, _ helpEn: String, barKey: Key? = nil) {
        self.init(label: Localized(vi: labelVi, en: labelEn), help: Localized(vi: helpVi, en: helpEn), barKey: barKey)
    }
}

/// A line for the status bar that is not a message (muted or a warning).
public struct StatusNote: Hashable, Sendable {
    public let text: String
    public let warning: Bool
    public init(_ text: String, warning: Bool = false) { self.text = text; self.warning = warning }
}

extension Key {
    /// Keys that edit typed text: offered to a screen that accepts text before the keymap.
    public var isTextEditing: Bool {
        switch self {
        case .character, .backspace, .delete, .left, .right, .home, .end: return true
        default: return false
        }
    }
}
