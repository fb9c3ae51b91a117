import MotCuaCore

/// What a screen may ask of the shell that hosts it. Screens never see the run loop, the
/// terminal or the other screens: they push and pop, say things on the status line and ask
/// yes/no questions through this.
public protocol ScreenHost: AnyObject {
    var language: Language { get }
    var keymap: Keymap { get }
    /// The input method in force (Telex, VNI, off) for typed text.
    var composer: VietnameseComposer { get }
    /// Symbols the terminal can show (Unicode or ASCII).
    var symbols: Symbols { get }
    /// The terminal's size in cells.
    var size: (rows: Int, cols: Int) { get }

    /// Opens `screen` over the current one.
    func push(_ screen: Screen)
    /// Closes `screen` (and anything opened over it).
    func pop(_ screen: Screen)
    /// Closes `old` and opens `new` in its place (the next walk-in after a ticket).
    func replace(_ old: Screen, with new: Screen)
    /// Switches to a root view (`view.queue`, `view.dossiers`, `view.search`); false when none
    /// is registered for `view`.
    @discardableResult
    func showRoot(_ view: Action) -> Bool

    /// A message on the status line until the next key.
    func say(_ text: String, warning: Bool)
    /// An error from the model or the store, as one status line.
    func report(_ error: Error)
    /// A yes/no question in the one dialog style (see `YesNoQuestion`).
    func confirm(_ question: YesNoQuestion)
    /// The name of the first key bound to `action` in `context` (for hints such as "F6 to
    /// return"), nil when nothing is bound.
    func keyName(for action: Action, in context: KeyContext) -> String?
}

extension ScreenHost {
    public func say(_ text: String) { say(text, warning: false) }

    /// A hint such as `Enter: xong · Esc: xoá` naming the keys the keymap binds in `context`
    /// (so a rebound key is named right); an action with no key is left out.
    public func hint(_ items: [(action: Action, vi: String, en: String)], in context: KeyContext,
                     separator: String = " · ") -> String {
        items.compactMap { item in
            keyName(for: item.action, in: context).map { "\($0): \(language == .en ? item.en : item.vi)" }
        }.joined(separator: separator)
    }
}

/// A yes/no question. The caller always says which answer Enter takes: a step that cannot be
/// undone (reject, withdraw) defaults to No so that a second Enter does not confirm it.
public struct YesNoQuestion {
    public var title: String
    public var message: String
    public var defaultYes: Bool
    /// The screen drawn behind the dialog (usually the one asking).
    public var under: Screen?
    public var onYes: (ScreenHost) -> Void
    /// Nil: "Đã huỷ" / "Cancelled" on the status line.
    public var onNo: ((ScreenHost) -> Void)?

    public init(title: String, message: String, defaultYes: Bool, under: Screen? = nil,
                onYes: @escaping (ScreenHost) -> Void, onNo: ((ScreenHost) -> Void)? = nil) {
        self.title = title; self.message = message; self.defaultYes = defaultYes; self.under = under
        self.onYes = onYes; self.onNo = onNo
    }
}
