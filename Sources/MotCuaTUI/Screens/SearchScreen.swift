import MotCuaCore

public final class SearchScreen: Screen {
    let session: DeskSession
    public init(session: DeskSession) { self.session = session }
    public var keyContext: KeyContext { .search }
    public var barActions: [Action] { [.help, .quit] }
    public func handle(key: Key, app: DeskApp) -> Bool { false }
    public func perform(_ action: Action, app: DeskApp) -> Bool { false }
    public func render(into g: inout CellGrid, top: Int, bottom: Int, app: DeskApp) {}
}
