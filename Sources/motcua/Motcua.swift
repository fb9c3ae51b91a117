import ArgumentParser

@main
struct Motcua: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "motcua",
        abstract: "Bộ phận Một cửa — tiếp nhận và trả kết quả (one-stop reception desk).",
        discussion: """
            Không có lệnh con thì mở màn hình quầy (desk). Every subcommand accepts --db PATH, \
            --now "YYYY-MM-DD HH:MM", --json and --lang vi|en.
            """,
        version: motcuaVersion,
        subcommands: [DeskCommand.self, SetupCommand.self, WalkinCommand.self, QueueCommand.self, AppointmentCommand.self,
                      DossierCommand.self, ReportCommand.self, UndoCommand.self, ProceduresCommand.self, CalendarCommand.self,
                      DemoCommand.self, CheckCommand.self, BackupCommand.self, RestoreCommand.self, KeysCommand.self, BenchCommand.self, BoardCommand.self, DisplayCommand.self],
        defaultSubcommand: DeskCommand.self
    )
}
