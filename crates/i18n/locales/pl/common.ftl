# Polish: for the public pages (regiovisie action line 1: labour migrants). A missing key shows Dutch.

nav-skip-to-content = Przejdź do treści
vt-phone-line = Veilig Thuis: { $number } (bezpłatnie, całą dobę)
