import MotCuaCore

/// A screen pushed over the queue (a form, a list, a dossier). tig style: a screen handles what
/// it knows and returns the rest to the app, which handles global actions (help, input method,
/// quit). Screens draw between the header (row 0) and the status line and key bar (last 2 rows).
public protocol Screen: AnyObject {
    /// The keymap context looked up first for this screen (then `global`).
    var keyContext: KeyContext { get }
    /// Actions on the key bar while this screen is on top (their keys come from the keymap).
    var barActions: [Action] { get }
    /// Raw keys first, for text entry and list movement: true when the key was used.
    func handle(key: Key, app: DeskApp) -> Bool
    /// An action from the keymap: true when this screen handled it.
    func perform(_ action: Action, app: DeskApp) -> Bool
    /// Draws rows `top..<bottom` of the grid.
    func render(into g: inout CellGrid, top: Int, bottom: Int, app: DeskApp)
    /// Another process (or this one) changed the data: reload what is shown.
    func refresh(app: DeskApp)
    /// Esc / form.cancel: true when the screen may close now (a form with typed text asks first).
    func shouldClose(app: DeskApp) -> Bool
}

extension Screen {
    public func refresh(app: DeskApp) {}
    public func shouldClose(app: DeskApp) -> Bool { true }
}
