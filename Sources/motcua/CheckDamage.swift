import ArgumentParser
import Foundation
import MotCuaCore
import MotCuaStore

/// `check` on a damaged file: says it is damaged and how to restore, lists what SQLite found,
/// and fails like any check that found problems (exit 3).
enum CheckDamage {
    static func report(_ error: StoreError, path: String, json: Bool, lang: Language) throws {
        let findings = AppDatabase.damageFindings(path: path)
        if json {
            struct R: Encodable { let ok: Bool; let damaged: Bool; let error: String; let problems: [String]; let warnings: [String] }
            Output.print(Output.json(R(ok: false, damaged: true, error: error.message.text(lang), problems: findings, warnings: [])))
        } else {
            Output.print(error.message.text(lang))
            Output.print(lang == .vi ? "Phát hiện \(findings.count) lỗi:" : "\(findings.count) problems:")
            findings.forEach { Output.print("  " + $0) }
        }
        throw ExitCode(ExitStatus.needsConfirmation)
    }
}
