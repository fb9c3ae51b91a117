import MotCuaCore
