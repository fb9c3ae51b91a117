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
    /// Reloads the header and every open screen (after something not in the store changed, such
    /// as the clerk at the counter).
    func refresh()
    /// The keys bound to `action` in `context` (its own, then global), function keys first.
    func keys(for action: Action, in context: KeyContext) -> [Key]
}

extension ScreenHost {
    public func say(_ text: String) { say(text, warning: false) }

    /// The name of a key bound to `action` in `context` for hints such as "F6 to return":
    /// `preferring` when it is bound (Enter in a dialog), else the first; nil when none is.
    public func keyName(for action: Action, in context: KeyContext, preferring: Key? = nil) -> String? {
        let keys = keys(for: action, in: context)
        return (preferring.flatMap { keys.contains($0) ? $0 : nil } ?? keys.first)?.name
    }

    /// A hint such as `Enter: xong · Esc: xoá` naming the keys the keymap binds in `context`
    /// (so a rebound key is named right); an action with no key is left out.
    /// Enter and Esc are named when they are among the keys: they are what people try first.
    public func hint(_ items: [(action: Action, vi: String, en: String)], in context: KeyContext,
                     separator: String = " · ") -> String {
        items.compactMap { item in
            let keys = keys(for: item.action, in: context)
            let key = keys.first { $0 == .enter || $0 == .escape } ?? keys.first
            return key.map(\.name).map { "\($0): \(language == .en ? item.en : item.vi)" }
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
    /// Nil: "Không thay đổi gì" / "Nothing changed" on the status line.
    public var onNo: ((ScreenHost) -> Void)?

    public init(title: String, message: String, defaultYes: Bool, under: Screen? = nil,
                onYes: @escaping (ScreenHost) -> Void, onNo: ((ScreenHost) -> Void)? = nil) {
        self.title = title; self.message = message; self.defaultYes = defaultYes; self.under = under
        self.onYes = onYes; self.onNo = onNo
    }
}
