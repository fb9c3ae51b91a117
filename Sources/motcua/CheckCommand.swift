import ArgumentParser
import Foundation
import MotCuaStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Kiểm tra toàn vẹn dữ liệu (integrity check).")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        try runReporting(global) { lang in
            let problems = try global.openDatabase(readOnly: true).check()
            if global.json {
                struct R: Encodable { let ok: Bool; let problems: [String] }
                Output.print(Output.json(R(ok: problems.isEmpty, problems: problems)))
            } else if problems.isEmpty {
                Output.print(lang == .vi ? "Dữ liệu toàn vẹn: không có lỗi." : "Database is consistent: no problems.")
            } else {
                Output.print((lang == .vi ? "Phát hiện \(problems.count) lỗi:" : "\(problems.count) problems:"))
                problems.forEach { Output.print("  " + $0) }
            }
            if !problems.isEmpty { throw ExitCode(3) }
        }
    }
}
