# Romanian: for the public pages (regiovisie action line 1: labour migrants). A missing key shows Dutch.

nav-skip-to-content = Salt la conținut
vt-phone-line = Veilig Thuis: { $number } (gratuit, zi și noapte)
