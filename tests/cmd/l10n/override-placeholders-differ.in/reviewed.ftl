default-printer = 預設印表機
