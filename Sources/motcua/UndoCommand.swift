import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Hoàn tác thao tác cuối cùng hôm nay của cán bộ tại quầy (undo this clerk's last change of today).",
        discussion: "Như C-z ở quầy: ghi thêm một sự kiện hoàn tác, không xóa lịch sử. Từ chối nếu đã có việc khác dựa vào nó.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Quầy (counter)") var counter: Int?

    func run() throws {
        try runReporting(global) { lang in
            let db = try global.openExistingDatabase()
            let result = try db.undoLast(now: try global.clock().now(), actor: try global.actor(counter: counter))
            if global.json {
                // Both wordings, whatever --lang says: JSON does not change with the language.
                struct R: Encodable { let undone: String; let subject: String; let message: String; let messageEn: String }
                Output.print(Output.json(R(undone: result.action, subject: result.subject, message: result.message.vi, messageEn: result.message.en)))
                return
            }
            Output.print(result.message.text(lang))
        }
    }
}
