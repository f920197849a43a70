def big(a):
    v0 = a + 0
    v1 = a + 1
    v2 = a + 2
    v3 = a + 3
    v4 = a + 4
    v5 = a + 5
    v6 = a + 6
    v7 = a + 7
    v8 = a + 8
    v9 = a + 9
    v10 = a + 10
    v11 = a + 11
    v12 = a + 12
    v13 = a + 13
    v14 = a + 14
    v15 = a + 15
    v16 = a + 16
    v17 = a + 17
    v18 = a + 18
    v19 = a + 19
    v20 = a + 20
    v21 = a + 21
    v22 = a + 22
    v23 = a + 23
    v24 = a + 24
    v25 = a + 25
    v26 = a + 26
    v27 = a + 27
    v28 = a + 28
    v29 = a + 29
    v30 = a + 30
    v31 = a + 31
    v32 = a + 32
    v33 = a + 33
    v34 = a + 34
    v35 = a + 35
    v36 = a + 36
    v37 = a + 37
    v38 = a + 38
    v39 = a + 39
    while a:
        if v0 > 0:
            a -= v0 * 0
        if v1 > 1:
            a -= v1 * 1
        if v2 > 2:
            a -= v2 * 2
        if v3 > 3:
            a -= v3 * 3
        if v4 > 4:
            a -= v4 * 4
        if v5 > 5:
            a -= v5 * 5
        if v6 > 6:
            a -= v6 * 6
        if v7 > 7:
            a -= v7 * 7
        if v8 > 8:
            a -= v8 * 8
        if v9 > 9:
            a -= v9 * 9
        if v10 > 10:
            a -= v10 * 10
        if v11 > 11:
            a -= v11 * 11
        if v12 > 12:
            a -= v12 * 12
        if v13 > 13:
            a -= v13 * 13
        if v14 > 14:
            a -= v14 * 14
        if v15 > 15:
            a -= v15 * 15
        if v16 > 16:
            a -= v16 * 16
        if v17 > 17:
            a -= v17 * 17
        if v18 > 18:
            a -= v18 * 18
        if v19 > 19:
            a -= v19 * 19
        if v20 > 20:
            a -= v20 * 20
        if v21 > 21:
            a -= v21 * 21
        if v22 > 22:
            a -= v22 * 22
        if v23 > 23:
            a -= v23 * 23
        if v24 > 24:
            a -= v24 * 24
        if v25 > 25:
            a -= v25 * 25
        if v26 > 26:
            a -= v26 * 26
        if v27 > 27:
            a -= v27 * 27
        if v28 > 28:
            a -= v28 * 28
        if v29 > 29:
            a -= v29 * 29
        if v30 > 30:
            a -= v30 * 30
        if v31 > 31:
            a -= v31 * 31
        if v32 > 32:
            a -= v32 * 32
        if v33 > 33:
            a -= v33 * 33
        if v34 > 34:
            a -= v34 * 34
        if v35 > 35:
            a -= v35 * 35
        if v36 > 36:
            a -= v36 * 36
        if v37 > 37:
            a -= v37 * 37
        if v38 > 38:
            a -= v38 * 38
        if v39 > 39:
            a -= v39 * 39
    return v0 + v1 + v2 + v3 + v4 + v5 + v6 + v7 + v8 + v9 + v10 + v11 + v12 + v13 + v14 + v15 + v16 + v17 + v18 + v19
for i in range(3):
    for j in range(300):
        if j == 5:
            break
        try:
            with open('x') as fh:
                for k in fh:
                    if k:
                        continue
                    break
        finally:
            pass
