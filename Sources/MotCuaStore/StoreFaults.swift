import Foundation
import GRDB
import MotCuaCore

/// The ways the place holding the database can fail, as opposed to a refused record.
public enum StoreFault: String, Sendable {
    case busy, diskFull = "disk-full", readOnly = "read-only", damaged
}

/// What the clerk reads when the disk, the folder or the file fails: what happened to their
/// work (nothing was saved) and what to do, never SQLite's English.
extension StoreError {
    static func busy() -> StoreError {
        StoreError("Cơ sở dữ liệu đang bận (một quầy khác đang ghi quá lâu); chưa có gì thay đổi, hãy thử lại",
                   "The database is busy (another counter is writing for too long); nothing changed, try again", fault: .busy)
    }

    /// Full, or a write the disk refused (`ulimit -f`, a failing disk report an I/O error, not "full").
    static func diskFull(_ path: String) -> StoreError {
        StoreError("Không ghi được vào đĩa chứa '\(path)' (đĩa đầy hoặc hỏng): chưa lưu gì, thao tác vừa rồi chưa được ghi. "
                   + "Hãy giải phóng dung lượng (xóa tệp không cần, df -h để xem) rồi làm lại",
                   "Cannot write to the disk holding '\(path)' (full or failing): nothing was saved, the last action was not recorded. "
                   + "Free some space (delete unneeded files; df -h shows it), then do it again", fault: .diskFull)
    }

    static func readOnlyPlace(_ path: String) -> StoreError {
        StoreError("'\(path)' nằm ở nơi chỉ đọc (tệp hoặc thư mục không cho ghi, hoặc ổ đĩa gắn chỉ đọc): không ghi được gì. "
                   + "Các lệnh chỉ xem (dossier list, queue list, check, report, board) vẫn dùng được; "
                   + "để ghi, hãy cấp quyền ghi hoặc chép tệp sang nơi ghi được",
                   "'\(path)' is in a read-only place (the file or its folder is not writable, or the disk is mounted read-only): "
                   + "nothing can be saved there. Viewing commands (dossier list, queue list, check, report, board) still work; "
                   + "to write, make it writable or copy the file somewhere writable", fault: .readOnly)
    }

    static func damaged(_ path: String) -> StoreError {
        StoreError("Tệp cơ sở dữ liệu '\(path)' bị hỏng (cắt cụt hoặc ghi đè); tệp được giữ nguyên. "
                   + "Hãy khôi phục bản sao lưu gần nhất: motcua restore TỆP-SAO-LƯU --db '\(path)'; "
                   + "motcua check --db '\(path)' cho biết chỗ hỏng",
                   "The database file '\(path)' is damaged (truncated or overwritten); it is left untouched. "
                   + "Restore the latest backup: motcua restore BACKUP-FILE --db '\(path)'; "
                   + "motcua check --db '\(path)' shows the damage", fault: .damaged)
    }
}

extension AppDatabase {
    /// SQLite's own error as the clerk reads it; always a database failure (exit code 4).
    static func translated(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .busy()
        case .SQLITE_FULL, .SQLITE_IOERR:
            return .diskFull(path)
        case .SQLITE_READONLY:
            return .readOnlyPlace(path)
        case .SQLITE_CANTOPEN where !PlaceAccess(path).isWritable:
            return .readOnlyPlace(path)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .damaged(path)
        default:
            return StoreError("Lỗi cơ sở dữ liệu '\(path)': \(error.message ?? "\(error.resultCode)")",
                              "Database error in '\(path)': \(error.message ?? "\(error.resultCode)")", databaseFailure: true)
        }
    }
}
