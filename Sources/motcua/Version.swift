/// The program's version: the one place it is written. `motcua --version` prints it, and
/// `scripts/release` reads it from this line to name the tarball.
let motcuaVersion = "0.11.0"
